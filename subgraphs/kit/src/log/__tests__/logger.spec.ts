import { describe, expect, it } from 'vitest';
import { newRequestScope, runInRequestScope } from '../../observability/request-scope/request-scope';
import { createLogger, describeError } from '../logger';
import { maskPersonalNumbers } from '../personal-numbers';

function capturingLogger() {
  const lines: string[] = [];
  const logger = createLogger('workforce', (line) => lines.push(line));
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, parsed };
}

describe('createLogger', () => {
  it('writes one JSON object per line: level as a word, ISO time, service, fields and message', () => {
    const { logger, lines, parsed } = capturingLogger();
    logger.info('subgraph listening', { port: 4001 });
    logger.warn('slow', { ms: 12 });
    logger.error('failed');
    expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
    expect(lines[0]).toContain('"service":"workforce","message":"subgraph listening","port":4001}');
    const [info, warn, error] = parsed();
    expect(info).toMatchObject({ level: 'info', service: 'workforce', message: 'subgraph listening', port: 4001 });
    expect(new Date(info!.time as string).toISOString()).toBe(info!.time);
    expect(warn).toMatchObject({ level: 'warn', message: 'slow', ms: 12 });
    expect(error).toMatchObject({ level: 'error', message: 'failed' });
  });

  it('adds the request id to lines written while serving a request, and only to those', async () => {
    const { logger, parsed } = capturingLogger();
    logger.info('before');
    await runInRequestScope(newRequestScope('req-1'), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info('inside, after an await');
    });
    logger.info('after');
    const [before, inside, after] = parsed();
    expect(before).not.toHaveProperty('requestId');
    expect(inside).toMatchObject({ requestId: 'req-1', message: 'inside, after an await' });
    expect(after).not.toHaveProperty('requestId');
  });

  it('keeps concurrent requests apart', async () => {
    const { logger, parsed } = capturingLogger();
    const request = (id: string, delayMs: number) =>
      runInRequestScope(newRequestScope(id), async () => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        logger.info(`done ${id}`);
      });
    await Promise.all([request('slow', 5), request('fast', 1)]);
    // Whichever finishes first on a loaded machine, each line carries its own request's id.
    const lines = parsed().map((line) => [line.message, line.requestId]);
    expect(lines.sort()).toEqual([
      ['done fast', 'fast'],
      ['done slow', 'slow'],
    ]);
  });

  it('lets no field replace the message', () => {
    const { logger, parsed } = capturingLogger();
    logger.info('real', { message: 'forged' });
    expect(parsed()[0]).toMatchObject({ message: 'real' });
  });

  it('binds fields to every line of a child logger', () => {
    const { logger, parsed } = capturingLogger();
    logger.child({ component: 'audit' }).info('appended');
    expect(parsed()[0]).toMatchObject({ component: 'audit', service: 'workforce', message: 'appended' });
  });

  it('masks a NIK or KPJ quoted in a message or a text field, as describeError passes them', () => {
    const { logger, lines } = capturingLogger();
    const error = new Error('duplicate key value violates unique constraint: Key (nik)=(3174014107900001)');
    logger.error('insert failed for 12345678901', describeError(error));
    expect(lines[0]).not.toContain('3174014107900001');
    expect(lines[0]).not.toContain('12345678901');
    expect(lines[0]).toContain('Key (nik)=([redacted])');
  });
});

describe('maskPersonalNumbers', () => {
  it('masks 16- and 11-digit runs standing alone', () => {
    expect(maskPersonalNumbers('nik 3174014107900001, kpj 12345678901.')).toBe('nik [redacted], kpj [redacted].');
  });

  it('leaves ids, decimals and other numbers alone', () => {
    const kept = [
      'request 0b6c1e9a-1c7f-4e8e-9c1d-123456789012',
      'trace 4bf92f3577b34da6a3ce929d0e0e4736',
      'amount 12345678901.50',
      'at 1717000000000 ms',
      'port 4001, 250000 rows',
      'id_3174014107900001',
    ];
    for (const text of kept) expect(maskPersonalNumbers(text)).toBe(text);
  });
});

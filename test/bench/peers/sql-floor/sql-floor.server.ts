import { createServer } from 'node:http';
import { Pool } from 'pg';
import { operationNamesByBody } from '../published-operations';
import { claimsByProgram, workforceByCategory } from './aggregates';
import { appendAuditRecord, floorCallerOf } from './audit-records';
import { auditedReadsOf } from './audited-reads';
import { unitStaffWithBpjs } from './unit-staff';
import { workerEnrolment } from './worker-enrolment';

/**
 * The floor: what the published operations cost with hand-written SQL through `pg` and JSON
 * built by hand, behind the same HTTP load. No parsing, planning, policy or signing: whatever
 * the gateways take beyond this is what the stack costs. With SQL_FLOOR_AUDIT=on it also appends
 * each agency's audit record of a personal read before answering, as the subgraphs do.
 */
type Answer = (variables: Record<string, unknown>) => Promise<unknown>;

async function main() {
  const port = Number(process.env.PEER_PORT);
  // As many connections per database as the load has callers, so none waits for a connection.
  const max = Number(process.env.SQL_FLOOR_POOL_SIZE ?? 16);
  const workforce = new Pool({ connectionString: process.env.WORKFORCE_DATABASE_URL, max });
  const bpjs = new Pool({ connectionString: process.env.BPJS_DATABASE_URL, max });
  const answers: Record<string, Answer> = {
    UnitStaffWithBpjs: (variables) => unitStaffWithBpjs(workforce, bpjs, variables as { code: string; first?: number }),
    WorkerEnrolment: (variables) => workerEnrolment(workforce, bpjs, variables as { nik: string }),
    ClaimsByProgram: (variables) => claimsByProgram(bpjs, variables),
    WorkforceByCategory: () => workforceByCategory(workforce),
  };
  const audited = process.env.SQL_FLOOR_AUDIT === 'on';
  const nameByBody = operationNamesByBody(process.env.TRUSTED_OPERATIONS_MANIFEST_PATH ?? '');

  const http = createServer((request, response) => {
    if (request.url === '/health') return void response.end('ok');
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      response.setHeader('content-type', 'application/json');
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          query: string;
          variables?: Record<string, unknown>;
        };
        const operation = nameByBody.get(body.query) ?? '';
        const answer = answers[operation];
        if (!answer) {
          response.statusCode = 400;
          return void response.end(
            JSON.stringify({ errors: [{ message: 'not a published operation the floor answers' }] }),
          );
        }
        const result = (await answer(body.variables ?? {})) as { data?: unknown };
        const reads = audited ? auditedReadsOf(operation, result) : null;
        if (reads) {
          const caller = floorCallerOf(request.headers);
          await Promise.all([
            appendAuditRecord(workforce, caller, operation, reads.workforce),
            appendAuditRecord(bpjs, caller, operation, reads.bpjs),
          ]);
        }
        response.end(JSON.stringify(result));
      } catch (error) {
        response.statusCode = 500;
        response.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
      }
    });
  });
  http.listen(port, '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

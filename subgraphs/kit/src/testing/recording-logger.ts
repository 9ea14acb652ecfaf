import type { Logger } from '../log';

export interface RecordedLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/** A logger that keeps every line it is given, for specs that check what a component logged. */
export function recordingLogger(): {
  logger: Logger;
  lines: RecordedLine[];
  messagesAt(level: RecordedLine['level']): string[];
} {
  const lines: RecordedLine[] = [];
  const record = (level: RecordedLine['level']) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, ...(fields ? { fields } : {}) });
  };
  return {
    logger: { info: record('info'), warn: record('warn'), error: record('error') },
    lines,
    messagesAt: (level) => lines.filter((line) => line.level === level).map((line) => line.message),
  };
}

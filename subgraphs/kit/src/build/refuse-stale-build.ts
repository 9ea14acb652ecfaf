import { basename, dirname } from 'node:path';
import { buildProblems } from './build-freshness';

/**
 * Imported first by every entry point: a process started from compiled output (`<package>/dist/…`)
 * exits 1, saying why, when that output or a workspace package's it depends on is missing or was
 * built from other sources than those beside it. Running from source (development) it does nothing.
 */
const entry = require.main?.filename;
if (entry && basename(dirname(entry)) === 'dist') {
  const problems = buildProblems(dirname(dirname(entry)));
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n`);
    process.exit(1);
  }
}

import 'reflect-metadata';
import { relative } from 'node:path';
import { SchemaCheckError } from './check-errors';
import { GitCheckout } from './check-git';
import { parseCheckOptions, SCHEMA_CHECK_USAGE } from './check-options';
import { formatCheckResult } from './check-report';
import { runSchemaCheck } from './check-run';
import { composeSupergraph } from './compose';
import { SUBGRAPHS } from './subgraphs';

/** How files are named in messages: from the repository root when there is one (`schema/...`). */
function folderLabelOf(schemaDir: string): string {
  const prefix = GitCheckout.around(schemaDir)?.prefix;
  if (prefix !== undefined) return prefix;
  const fromHere = relative(process.cwd(), schemaDir);
  return fromHere ? `${fromHere}/` : '';
}

/** `pnpm schema:check`: see SCHEMA_CHECK_USAGE. */
async function main(): Promise<number> {
  const options = parseCheckOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(`${SCHEMA_CHECK_USAGE}\n`);
    return 0;
  }
  const result = await runSchemaCheck({
    schemaDir: options.schemaDir,
    base: options.base,
    compose: () => composeSupergraph(SUBGRAPHS),
  });
  const report = formatCheckResult(result, folderLabelOf(options.schemaDir));
  process.stdout.write(report);
  return result.passed ? 0 : 1;
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    if (error instanceof SchemaCheckError) {
      console.error(`Schema check could not run: [${error.code}] ${error.message}`);
      process.exitCode = error.exitCode;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);

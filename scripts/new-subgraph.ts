import { resolve } from 'node:path';
import { parseNewSubgraphArguments, USAGE, UsageRequest } from './new-subgraph/arguments';
import { generateSubgraph, type GeneratedSubgraph } from './new-subgraph/generate-subgraph';
import { GeneratorRefusal } from './new-subgraph/generator-refusal';

/**
 * `pnpm new-subgraph <name> [--title "…"] [--port 4003]`: a new agency subgraph in one command
 * (see ./new-subgraph/arguments.ts). Exit status 0 when it was created, 2 when the request was
 * refused (nothing written), 1 when a step failed (everything written was put back).
 */
const ROOT = resolve(__dirname, '..');

function nextSteps({ names, title, port, files }: GeneratedSubgraph, seconds: number): string {
  const { name, ENV, Pascal, camel } = names;
  const table = (rows: [string, string][]) => {
    const width = Math.max(...rows.map(([left]) => left.length)) + 2;
    return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n');
  };
  return `
Created the ${title} subgraph "${name}" in ${seconds.toFixed(1)} s (${files.length} files written or changed):
${table([
  [
    `subgraphs/${name}/`,
    `its package: ${Pascal}Record @key(id), Worker.${camel}Records, ${camel}Statistics, its policy`,
  ],
  [`test/${name}.e2e.ts`, 'its end-to-end test through the gateway'],
  ['subgraphs/registry/', 'registered: composition, pnpm start, seed, audit:verify, the e2e harness and lint read it'],
  ['.env.example, docs/', `${ENV}_PORT (${port}), ${ENV}_URL and ${ENV}_DATABASE_URL documented`],
  ['schema/', `supergraph.graphql and subgraphs/${name}.graphql regenerated`],
])}

Next steps:
${table([
  [`pnpm exec vitest run subgraphs/${name} test/${name}.e2e.ts`, 'its tests, which pass as generated'],
  ['pnpm start', `starts it on :${port} with the others`],
  ["make it the agency's own", 'entities/, types/, a new migration per change, seed/, access-policy.ts'],
  ['pnpm schema:generate', 'after each schema change; review the SDL diff, then pnpm test'],
])}`;
}

async function main(): Promise<number> {
  const started = performance.now();
  try {
    const generated = await generateSubgraph(ROOT, parseNewSubgraphArguments(process.argv.slice(2)));
    console.log(nextSteps(generated, (performance.now() - started) / 1000));
    return 0;
  } catch (error) {
    if (error instanceof UsageRequest) {
      console.log(USAGE);
      return 0;
    }
    if (!(error instanceof GeneratorRefusal)) throw error;
    const usage = error.code === 'USAGE' ? `\n\n${USAGE}` : '';
    const outcome = error.code === 'STEP_FAILED' ? 'every file written was put back' : 'nothing was written';
    console.error(`new-subgraph: ${error.message} [${error.code}]; ${outcome}${usage}`);
    return error.code === 'STEP_FAILED' ? 1 : 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

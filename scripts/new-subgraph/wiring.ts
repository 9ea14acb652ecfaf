import type { RegisteredAgency } from '@jembatan/subgraph-registry/agencies';
import type { AgencyNames } from './agency-names';
import { GeneratorRefusal } from './generator-refusal';

/**
 * The edits that wire a new subgraph into the repository, each a pure function from a file's
 * text to its new text, so every edit is known to apply before anything is written.
 */

const layoutProblem = (file: string, what: string) =>
  new GeneratorRefusal('REPOSITORY_LAYOUT', `${file}: ${what}; the generator did not change anything`);

/** subgraphs.json with the agency appended, one entry per line as the file keeps them. */
export function withRegistryEntry(text: string, agency: RegisteredAgency): string {
  const file = JSON.parse(text) as { subgraphs?: RegisteredAgency[] } & Record<string, unknown>;
  if (!Array.isArray(file.subgraphs)) throw layoutProblem('subgraphs/registry/subgraphs.json', 'no "subgraphs" list');
  const { subgraphs, ...rest } = file;
  const head = Object.entries(rest).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
  const entries = [...subgraphs, agency].map((entry) => `    ${JSON.stringify(entry)}`).join(',\n');
  return `{\n${head.join('')}  "subgraphs": [\n${entries}\n  ]\n}\n`;
}

/** src/definitions.ts with the agency's definition imported and listed under its name. */
export function withDefinition(source: string, { name, camel }: AgencyNames): string {
  const imports = [...source.matchAll(/^import [^;]+;\n/gm)];
  const last = imports.at(-1);
  const list = /(export const SUBGRAPH_DEFINITIONS[^=]*= \{\n)([\s\S]*?)(\n?\};)/.exec(source);
  if (!last || !list) throw layoutProblem('subgraphs/registry/src/definitions.ts', 'no SUBGRAPH_DEFINITIONS list');
  const key = name.includes('-') ? `'${name}'` : name;
  const importLine = `import { ${camel}Subgraph } from '@jembatan/${name}';\n`;
  const withImport =
    source.slice(0, last.index + last[0].length) + importLine + source.slice(last.index + last[0].length);
  return withImport.replace(list[0], `${list[1]}${list[2]}\n  ${key}: ${camel}Subgraph,${list[3]}`);
}

/** A package.json with one more dependency, dependencies kept in name order. */
export function withDependency(text: string, dependency: string, version: string): string {
  const manifest = JSON.parse(text) as { dependencies?: Record<string, string> };
  const dependencies = { ...manifest.dependencies, [dependency]: version };
  manifest.dependencies = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The new agency's variables, documented in .env.example's subgraph section (which the config spec reads). */
export function withEnvExampleBlock(text: string, { name, ENV, snake }: AgencyNames, title: string, port: number) {
  const block = [
    `# ${title} (the ${name} subgraph): its port (the gateway finds it there on this host), its`,
    `# URL when it runs elsewhere, and its own PostgreSQL instead of PGlite (with DATABASE_URL`,
    `# alone, the database jembatan_${snake} on that server).`,
    `# ${ENV}_PORT=${port}`,
    `# ${ENV}_URL=http://127.0.0.1:${port}/graphql`,
    `# ${ENV}_DATABASE_URL=postgres://${snake}@127.0.0.1:5432/${snake}`,
    `# its /metrics listener in production (default: its port + 5000), and the gateway's deadline`,
    `# for its fetches when it differs from SUBGRAPH_TIMEOUT_MS`,
    `# ${ENV}_METRICS_PORT=${port + 5000}`,
    `# ${ENV}_TIMEOUT_MS=5000`,
    '',
  ].join('\n');
  const lines = text.split('\n');
  const section = lines.findIndex((line) => line.startsWith('# --- Subgraphs'));
  if (section === -1) throw layoutProblem('.env.example', 'no "# --- Subgraphs" section');
  const next = lines.findIndex((line, index) => index > section && line.startsWith('# ---'));
  const at = next === -1 ? lines.length : next;
  return [...lines.slice(0, at), ...block.split('\n'), ...lines.slice(at)].join('\n');
}

/** Where the configuration reference lives: the page the config spec reads too. */
export const CONFIGURATION_PAGE = 'docs/configuration.md';
const AGENCY_SECTION = "\n## Each agency's port, URL and database\n";

/** The configuration page with the agency's variables as one more entry of its agencies' section. */
export function withConfigurationEntry(text: string, { name, ENV, snake }: AgencyNames, port: number) {
  const start = text.indexOf(AGENCY_SECTION);
  if (start === -1) throw layoutProblem(CONFIGURATION_PAGE, `no "${AGENCY_SECTION.trim()}" section`);
  const lines = text.slice(start).split('\n');
  const firstEntry = lines.findIndex((line) => line.startsWith('- '));
  if (firstEntry === -1) throw layoutProblem(CONFIGURATION_PAGE, 'no list of agencies in its section');
  // An entry runs on over its indented continuation lines; the new one goes after the last.
  let end = firstEntry;
  while (lines[end + 1]?.startsWith('- ') || lines[end + 1]?.startsWith('  ')) end += 1;
  const variables = [
    `${ENV}_PORT`,
    `${ENV}_URL`,
    `${ENV}_DATABASE_URL`,
    `${ENV}_METRICS_PORT`,
    `${ENV}_TIMEOUT_MS`,
  ].map((variable) => `\`${variable}\``);
  const entry =
    `- ${variables.join(', ')}: ${name}: its port (default \`${port}\`), the URL the gateway calls instead ` +
    `(default \`http://127.0.0.1:<port>/graphql\`), its PostgreSQL (unset: PGlite, or ` +
    `\`jembatan_${snake}\` on the server of \`DATABASE_URL\`), its production \`/metrics\` port ` +
    `(default \`${port + 5000}\`) and the gateway's deadline for it (default \`SUBGRAPH_TIMEOUT_MS\`).`;
  lines.splice(end + 1, 0, entry);
  return text.slice(0, start) + lines.join('\n');
}

/** pnpm-workspace.yaml lists `subgraphs/*`; a layout that does not is refused rather than patched. */
export function checkWorkspaceCovers(yaml: string): void {
  if (!/^\s*-\s*['"]?subgraphs\/\*['"]?\s*$/m.test(yaml)) {
    throw layoutProblem('pnpm-workspace.yaml', 'packages must include subgraphs/*');
  }
}

/** What a new subgraph depends on: the kit, the seed world, and the kit's own versions of what they share. */
export function subgraphDependencies(kitDependencies: Readonly<Record<string, string>>): Record<string, string> {
  const shared = ['dataloader', 'graphql', 'reflect-metadata', 'type-graphql', 'typeorm'];
  const missing = shared.filter((dependency) => !kitDependencies[dependency]);
  if (missing.length > 0) throw layoutProblem('subgraphs/kit/package.json', `no ${missing.join(', ')}`);
  return {
    '@jembatan/kit': 'workspace:*',
    '@jembatan/seed-world': 'workspace:*',
    ...Object.fromEntries(shared.map((dependency) => [dependency, kitDependencies[dependency]!])),
  };
}

/** The new subgraph's package.json, with the same scripts as the other agencies'. */
export function packageManifestOf({ name }: AgencyNames, title: string, dependencies: Record<string, string>) {
  const manifest = {
    name: `@jembatan/${name}`,
    version: '0.0.0',
    private: true,
    description: `${title}: an agency subgraph of the Jembatan supergraph`,
    main: './dist/index.js',
    types: './src/index.ts',
    // Sources in development and tests (the jembatan-source condition), `pnpm build`'s output in production.
    exports: { '.': { types: './src/index.ts', 'jembatan-source': './src/index.ts', default: './dist/index.js' } },
    files: ['dist'],
    scripts: {
      'check:types': 'tsc -p tsconfig.json',
      start: 'node --conditions=jembatan-source -r @swc-node/register src/main.ts',
    },
    dependencies,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

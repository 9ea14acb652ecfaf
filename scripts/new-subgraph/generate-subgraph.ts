import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRegistry } from '@jembatan/subgraph-registry/agencies';
import { agencyNamesOf, agencyTitleOf, type AgencyNames } from './agency-names';
import type { NewSubgraphArguments } from './arguments';
import { applyChanges, formatted, type FileChange } from './file-changes';
import { withImporter, withWorkspaceDependency } from './lockfile-entries';
import { renderTemplates } from './render-templates';
import { checkNameIsFree, choosePort, type RepositoryState } from './repository-checks';
import { runStep } from './run-step';
import {
  checkWorkspaceCovers,
  packageManifestOf,
  subgraphDependencies,
  withDefinition,
  withDependency,
  withEnvExampleBlock,
  withConfigurationEntry,
  CONFIGURATION_PAGE,
  withRegistryEntry,
} from './wiring';

export interface GeneratedSubgraph {
  names: AgencyNames;
  title: string;
  port: number;
  /** Every file written or changed, relative to the repository root. */
  files: string[];
}

const REGISTRY_FILE = 'subgraphs/registry/subgraphs.json';
const DEFINITIONS_FILE = 'subgraphs/registry/src/definitions.ts';

/**
 * Everything a new subgraph changes, worked out before anything is written: a refusal, or a
 * layout the edits cannot apply to, leaves the repository untouched.
 */
export async function planSubgraph(root: string, args: NewSubgraphArguments) {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const names = agencyNamesOf(args.name);
  const title = agencyTitleOf(names, args.title);
  const state: RepositoryState = { root, agencies: parseRegistry(JSON.parse(read(REGISTRY_FILE))) };
  checkNameIsFree(state, names);
  const port = choosePort(state, args.port);
  checkWorkspaceCovers(read('pnpm-workspace.yaml'));

  const rendered = renderTemplates({ ...names, title, port: String(port), migrationTimestamp: String(Date.now()) });
  const kit = JSON.parse(read('subgraphs/kit/package.json')) as { dependencies: Record<string, string> };
  const dependencies = subgraphDependencies(kit.dependencies);
  const agency = { name: names.name, agency: title, envPrefix: names.ENV, port };
  const lockfile = lockfileWithSubgraph(read('pnpm-lock.yaml'), names, dependencies);
  const changes: FileChange[] = [
    ...[...rendered].map(([path, content]) => ({ path, content })),
    { path: `subgraphs/${names.name}/package.json`, content: packageManifestOf(names, title, dependencies) },
    { path: REGISTRY_FILE, content: withRegistryEntry(read(REGISTRY_FILE), agency) },
    { path: DEFINITIONS_FILE, content: withDefinition(read(DEFINITIONS_FILE), names) },
    {
      path: 'subgraphs/registry/package.json',
      content: withDependency(read('subgraphs/registry/package.json'), `@jembatan/${names.name}`, 'workspace:*'),
    },
    {
      path: 'test/package.json',
      content: withDependency(read('test/package.json'), `@jembatan/${names.name}`, 'workspace:*'),
    },
    { path: '.env.example', content: withEnvExampleBlock(read('.env.example'), names, title, port) },
    ...(existsSync(join(root, CONFIGURATION_PAGE))
      ? [{ path: CONFIGURATION_PAGE, content: withConfigurationEntry(read(CONFIGURATION_PAGE), names, port) }]
      : []),
    ...(lockfile ? [{ path: 'pnpm-lock.yaml', content: lockfile }] : []),
  ];
  return { names, title, port, changes: await formatted(root, changes) };
}

/**
 * The lockfile with the new package and the two packages that now depend on it, when every
 * version it needs is locked already (see lockfile-entries.ts); undefined when one is not.
 */
function lockfileWithSubgraph(lock: string, { name }: AgencyNames, dependencies: Record<string, string>) {
  const folder = `subgraphs/${name}`;
  const withPackage = withImporter(
    lock,
    folder,
    Object.entries(dependencies).map(([dependency, specifier]) => ({ name: dependency, specifier })),
    { '@jembatan/kit': 'subgraphs/kit', '@jembatan/seed-world': 'subgraphs/seed-world' },
  );
  if (!withPackage) return undefined;
  const withRegistry = withWorkspaceDependency(withPackage, 'subgraphs/registry', `@jembatan/${name}`, folder);
  return withWorkspaceDependency(withRegistry, 'test', `@jembatan/${name}`, folder);
}

/**
 * `pnpm new-subgraph`: writes the planned files, links the new workspace package (offline, from
 * the pnpm store) and regenerates the supergraph. If either step fails, every file is put back.
 */
export async function generateSubgraph(root: string, args: NewSubgraphArguments): Promise<GeneratedSubgraph> {
  const plan = await planSubgraph(root, args);
  const applied = applyChanges(root, plan.changes, {
    createdFolders: [`subgraphs/${plan.names.name}`],
    alsoRestore: [
      'pnpm-lock.yaml',
      'schema/supergraph.graphql',
      `schema/subgraphs/${plan.names.name}.graphql`,
      'schema/operations/manifest.json',
    ],
  });
  const install = (label: string) => runStep(root, label, 'pnpm', ['install', '--offline', '--no-frozen-lockfile']);
  let linked = false;
  try {
    await install('linking the new package (pnpm install --offline)');
    linked = true;
    await runStep(root, 'composing the supergraph (pnpm schema:generate)', 'pnpm', ['schema:generate']);
  } catch (error) {
    applied.rollBack();
    if (linked) await install('unlinking it again (pnpm install --offline)').catch(() => 0);
    throw error;
  }
  return { names: plan.names, title: plan.title, port: plan.port, files: plan.changes.map((change) => change.path) };
}

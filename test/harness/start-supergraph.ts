import { inject } from 'vitest';
import { AGENCY_NAMES } from '@jembatan/subgraph-registry';
import { serveSupergraph, type RunningSupergraph, type ServeOptions, type SupergraphDatabases } from './supergraph';
import { copyTemplate } from './templates';

export interface StartSupergraphOptions extends ServeOptions {
  /**
   * Databases to serve instead of fresh copies of the demo templates (owned by the caller); a
   * registered subgraph they leave out gets its copy of the template.
   */
  databases?: SupergraphDatabases;
}

/** Starts the whole system in-process, by default each subgraph on its own copy of the demo template. */
export async function startSupergraph(options: StartSupergraphOptions = {}): Promise<RunningSupergraph> {
  const templates = inject('templates');
  const given = options.databases ?? {
    workforce: await copyTemplate(templates, 'workforce'),
    bpjs: await copyTemplate(templates, 'bpjs'),
  };
  const missing = AGENCY_NAMES.filter((name) => name !== 'workforce' && name !== 'bpjs' && !given.others?.[name]);
  const copies = await Promise.all(missing.map(async (name) => [name, await copyTemplate(templates, name)] as const));
  return serveSupergraph({ ...given, others: { ...given.others, ...Object.fromEntries(copies) } }, options);
}

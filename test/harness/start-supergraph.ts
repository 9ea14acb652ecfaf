import { inject } from 'vitest';
import { serveSupergraph, type RunningSupergraph, type ServeOptions, type SupergraphDatabases } from './supergraph';
import { copyTemplate } from './templates';

export interface StartSupergraphOptions extends ServeOptions {
  /** Databases to serve instead of fresh copies of the demo templates (owned by the caller). */
  databases?: SupergraphDatabases;
}

/** Starts the whole system in-process, by default each subgraph on its own copy of the demo template. */
export async function startSupergraph(options: StartSupergraphOptions = {}): Promise<RunningSupergraph> {
  const templates = inject('templates');
  const databases = options.databases ?? {
    workforce: await copyTemplate(templates, 'workforce'),
    bpjs: await copyTemplate(templates, 'bpjs'),
  };
  return serveSupergraph(databases, options);
}

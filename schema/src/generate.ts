import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { artifactsOf } from './artifacts';
import { composeSupergraph, CompositionError } from './compose';
import { SUBGRAPHS } from './subgraphs';

/** Regenerates schema/subgraphs/*.graphql and schema/supergraph.graphql from the code. */
try {
  for (const [path, content] of Object.entries(artifactsOf(composeSupergraph(SUBGRAPHS)))) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${relative(process.cwd(), path)}`);
  }
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}

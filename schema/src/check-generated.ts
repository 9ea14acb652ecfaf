import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A committed file that is not what `pnpm schema:generate` would write now. */
export interface StaleFile {
  file: string;
  problem: 'missing' | 'out of date' | 'left over';
}

/**
 * The generated files (by path relative to the schema folder) that differ from the folder's,
 * plus subgraph SDL that no subgraph of the code produces any more.
 */
export function staleFilesIn(schemaDir: string, generated: Record<string, string>): StaleFile[] {
  const stale: StaleFile[] = [];
  for (const [file, content] of Object.entries(generated)) {
    const path = join(schemaDir, file);
    if (!existsSync(path)) stale.push({ file, problem: 'missing' });
    else if (readFileSync(path, 'utf8') !== content) stale.push({ file, problem: 'out of date' });
  }
  const subgraphDir = join(schemaDir, 'subgraphs');
  for (const file of existsSync(subgraphDir) ? readdirSync(subgraphDir).sort() : []) {
    if (file.endsWith('.graphql') && !(`subgraphs/${file}` in generated)) {
      stale.push({ file: `subgraphs/${file}`, problem: 'left over' });
    }
  }
  return stale;
}

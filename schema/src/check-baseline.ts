import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACKNOWLEDGEMENTS_FILE } from './check-acknowledgements';
import { SchemaCheckError } from './check-errors';
import { GitCheckout } from './check-git';
import { SUPERGRAPH_FILE, type SchemaSdl } from './check-schema-files';

/** What the code's schema is compared against, and what counts as acknowledged in between. */
export interface Baseline {
  /** For people: which revision, and why that one. */
  description: string;
  /** The revision's label in messages (`origin/main@1a2b3c4`, or the folder on disk). */
  label: string;
  sdl: SchemaSdl;
  /**
   * The acknowledgement file as it was at the base (undefined when it did not exist): only entries
   * added since then acknowledge a change.
   */
  acknowledgementsAtBase: string | undefined;
  /** Why this comparison may miss a change, when it may (shallow clone, no git). */
  warnings: string[];
}

const SUBGRAPH_SDL = /^subgraphs\/([^/]+)\.graphql$/;

function sdlFrom(files: readonly string[], read: (file: string) => string): SchemaSdl {
  const subgraphs: Record<string, string> = {};
  for (const file of files) {
    const name = SUBGRAPH_SDL.exec(file)?.[1];
    if (name) subgraphs[name] = read(file);
  }
  return { supergraph: files.includes(SUPERGRAPH_FILE) ? read(SUPERGRAPH_FILE) : undefined, subgraphs };
}

function atCommit(
  checkout: GitCheckout,
  commit: string,
  name: string,
  description: string,
  warnings: string[],
): Baseline {
  const files = checkout.filesAt(commit);
  const read = (file: string) => checkout.fileAt(commit, file);
  return {
    description,
    label: `${name}@${commit.slice(0, 10)}`,
    sdl: sdlFrom(files, read),
    acknowledgementsAtBase: files.includes(ACKNOWLEDGEMENTS_FILE) ? read(ACKNOWLEDGEMENTS_FILE) : undefined,
    warnings,
  };
}

/** The committed files in the folder as they are on disk: all there is without git history. */
function onDisk(schemaDir: string, why: string): Baseline {
  const subgraphDir = join(schemaDir, 'subgraphs');
  const files = [
    ...(existsSync(join(schemaDir, SUPERGRAPH_FILE)) ? [SUPERGRAPH_FILE] : []),
    ...(existsSync(subgraphDir) ? readdirSync(subgraphDir).map((file) => `subgraphs/${file}`) : []),
  ];
  const acknowledgements = join(schemaDir, ACKNOWLEDGEMENTS_FILE);
  return {
    description: `the files in ${schemaDir} as they are on disk (${why})`,
    label: 'the files on disk',
    sdl: sdlFrom(files, (file) => readFileSync(join(schemaDir, file), 'utf8')),
    acknowledgementsAtBase: existsSync(acknowledgements) ? readFileSync(acknowledgements, 'utf8') : undefined,
    warnings: [
      `${why}: compared the code with the committed files on disk only. No acknowledgement can be shown to be ` +
        'new, so any breaking change fails.',
    ],
  };
}

function defaultBase(checkout: GitCheckout, head: string): Baseline {
  const originMain = checkout.commitOf('refs/remotes/origin/main');
  const forkPoint = originMain && checkout.mergeBase(head, originMain);
  if (forkPoint && forkPoint !== head) {
    return atCommit(checkout, forkPoint, 'merge-base', 'the merge-base of HEAD and origin/main', []);
  }
  const parent = checkout.commitOf('HEAD^');
  if (parent) {
    return atCommit(
      checkout,
      parent,
      'HEAD^',
      'the parent of HEAD, as HEAD has not left origin/main (or there is none)',
      [],
    );
  }
  const why = checkout.isShallow()
    ? 'this clone is shallow and does not have the parent of HEAD'
    : 'HEAD is the first commit';
  return atCommit(checkout, head, 'HEAD', `HEAD itself: ${why}`, [
    `${why}: compared the working tree with HEAD, so changes HEAD itself made are not checked. ` +
      'Fetch more history (git fetch --deepen=1) or name a base with --base / SCHEMA_CHECK_BASE.',
  ]);
}

/**
 * The baseline for a check of the schema folder `schemaDir`: the committed files at `requested`
 * when given; else at the merge-base with origin/main when HEAD has left it; else at HEAD's parent,
 * which is what a fresh clone of main (CI) sees. Without git history, the files on disk.
 */
export function resolveBaseline(schemaDir: string, requested: string | undefined): Baseline {
  const checkout = GitCheckout.around(schemaDir);
  if (!checkout) {
    if (requested) {
      throw new SchemaCheckError('BASE_NOT_FOUND', `--base ${requested}: ${schemaDir} is not inside a git checkout`);
    }
    return onDisk(schemaDir, 'not a git checkout');
  }
  if (requested) {
    const commit = checkout.commitOf(requested);
    if (!commit) {
      const hint = checkout.isShallow() ? ' This clone is shallow: fetch more history (git fetch --unshallow).' : '';
      throw new SchemaCheckError('BASE_NOT_FOUND', `The base revision '${requested}' is not in this clone.${hint}`);
    }
    return atCommit(checkout, commit, requested, 'the revision given with --base or SCHEMA_CHECK_BASE', []);
  }
  const head = checkout.commitOf('HEAD');
  return head ? defaultBase(checkout, head) : onDisk(schemaDir, 'the repository has no commits yet');
}

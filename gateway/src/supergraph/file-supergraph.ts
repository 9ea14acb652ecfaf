import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SupergraphManager, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import { describeError, type Logger } from '@jembatan/kit/log';
import { watchDirectoryOf } from './watch-directory';

export interface FileSupergraphOptions {
  logger: Logger;
  /** Each change refused (file unreadable, SDL invalid) and each watch failure, after it is logged. */
  onError?: (error: Error) => void;
  /** Each new supergraph from the file, once the gateway serves it. */
  onReload?: (reloaded: { sha256: string }) => void;
  /** Quiet time after the last change to the folder before the file is read again. */
  debounceMs?: number;
}

export interface FileSupergraph extends SupergraphManager {
  /**
   * True from the moment the gateway takes the file's supergraph until it stops: the gateway's
   * readiness. A refused change leaves it true, since the previous supergraph goes on serving.
   */
  isLoaded(): boolean;
}

/** Long enough for an editor's or a deploy tool's burst of writes, short enough to feel instant. */
export const DEFAULT_SUPERGRAPH_DEBOUNCE_MS = 200;

const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The gateway's supergraph from a file, reloaded whenever the file changes. Apollo's gateway
 * swaps schema and query planner between requests: a request already running finishes on the
 * supergraph it started with, the next one is planned on the new one. A new file that cannot be
 * read or that the gateway refuses (it validates the SDL before swapping) is logged and the
 * previous supergraph goes on serving; a later good file is taken as usual.
 *
 * Subgraphs are not health-checked before a swap: the gateway starts before its subgraphs, and a
 * new supergraph must not be refused because one agency is briefly down.
 */
export function fileSupergraph(path: string, options: FileSupergraphOptions): FileSupergraph {
  const file = resolve(path);
  const { logger } = options;
  let loaded = false;

  const report = (message: string, error: unknown) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    logger.error(message, { path: file, ...describeError(failure) });
    options.onError?.(failure);
  };

  return {
    isLoaded: () => loaded,

    async initialize({ update }: { update: SupergraphSdlUpdateFunction }) {
      // Unreadable at start: the gateway fails to start, which is what an operator should see.
      const initial = await readFile(file, 'utf8');
      let served = sha256Of(initial);
      // The last content refused, so a bad file is reported once, not at every event of the folder.
      let refused: string | undefined;
      let active = true;

      const reload = async () => {
        let sdl: string;
        try {
          sdl = await readFile(file, 'utf8');
        } catch (error) {
          return report('supergraph file unreadable; still serving the previous supergraph', error);
        }
        const sha256 = sha256Of(sdl);
        if (!active || sha256 === served || sha256 === refused) return;
        try {
          update(sdl);
        } catch (error) {
          refused = sha256;
          return report('supergraph refused; still serving the previous one', error);
        }
        served = sha256;
        refused = undefined;
        logger.info('supergraph reloaded', { path: file, sha256 });
        options.onReload?.({ sha256 });
      };

      // One reload at a time, in order: changes made during a reload are read once it is done.
      let reloading = Promise.resolve();
      const watch = watchDirectoryOf(file, {
        debounceMs: options.debounceMs ?? DEFAULT_SUPERGRAPH_DEBOUNCE_MS,
        onSettled: () => {
          reloading = reloading.then(reload);
        },
        onError: (error) => report('supergraph file no longer watched; restart the gateway to pick up changes', error),
      });
      loaded = true;
      logger.info('supergraph file watched for changes', { path: file, sha256: served });

      return {
        supergraphSdl: initial,
        // Also runs when the gateway refuses the initial file, so readiness never claims a refused one.
        async cleanup() {
          active = false;
          loaded = false;
          watch.close();
          await reloading;
        },
      };
    },
  };
}

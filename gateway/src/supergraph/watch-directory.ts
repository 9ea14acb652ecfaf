import { watch } from 'node:fs';
import { dirname } from 'node:path';

export interface DirectoryWatchOptions {
  /** Quiet time after the last event before `onSettled` runs. */
  debounceMs: number;
  /** Runs once per burst of changes, after `debounceMs` without another. */
  onSettled: () => void;
  onError: (error: Error) => void;
}

export interface DirectoryWatch {
  close(): void;
}

/**
 * Watches the folder that holds `path`, not the file itself. Editors and deploy tools replace a
 * file by writing a new one beside it and renaming it over the old, and Kubernetes swaps the
 * symlinked folder a mounted ConfigMap lives in: a watch on the file would follow the old inode
 * and hear nothing after the first replacement. Every event of the folder counts (a ConfigMap swap
 * names `..data`, not the file), so the caller compares contents to tell a real change. Writes come
 * in bursts (truncate, write, rename), hence the debounce: one call per burst, once it is over.
 */
export function watchDirectoryOf(path: string, options: DirectoryWatchOptions): DirectoryWatch {
  let timer: NodeJS.Timeout | undefined;
  // Not persistent: watching alone must not keep a process alive that has nothing else to do.
  const watcher = watch(dirname(path), { persistent: false }, () => {
    clearTimeout(timer);
    timer = setTimeout(options.onSettled, options.debounceMs);
  });
  watcher.on('error', options.onError);
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Copies the repository as a developer's checkout holds it: the files git tracks and the new
 * ones it does not ignore (`git ls-files -co --exclude-standard`), without node_modules or any
 * other ignored output. Returns how many files it copied.
 */
export function copyRepository(root: string, into: string): number {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // A tracked file deleted in the working tree is still listed by --cached.
  const files = [...new Set(listed.split('\0').filter(Boolean))].filter((file) => existsSync(join(root, file)));
  for (const file of files) {
    mkdirSync(dirname(join(into, file)), { recursive: true });
    copyFileSync(join(root, file), join(into, file));
  }
  return files.length;
}

/** Path → SHA-256 of every file under `root` outside node_modules: equal fingerprints, equal trees. */
export function treeFingerprint(root: string): Map<string, string> {
  const fingerprint = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (entry.isFile()) {
        fingerprint.set(relative(root, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
      }
    }
  };
  walk(root);
  return fingerprint;
}

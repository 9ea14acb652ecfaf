import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';

const ROOT = resolve(__dirname, '../../..');

/** A Kubernetes object as Kustomize renders it. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

function kubectl(): string {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return 'kubectl';
  } catch {
    throw new Error(
      'kubectl is needed to render the Kustomize overlays (`kubectl kustomize`): install it (e.g. the Debian package kubernetes-client)',
    );
  }
}

/**
 * Kustomize wraps a Secret's base64 values at 70 columns; the API server's decoder skips the line
 * breaks, the schema's `byte` format does not, so they are removed before validation.
 */
function withUnwrappedSecretData(object: KubernetesObject): KubernetesObject {
  if (object.kind !== 'Secret' || !object.data) return object;
  const data = Object.entries(object.data as Record<string, string>).map(([key, value]) => [
    key,
    value.replace(/\s/g, ''),
  ]);
  return { ...object, data: Object.fromEntries(data) };
}

/**
 * Renders an overlay of deploy/kubernetes as an operator would: a copy of the folder, the key
 * files made by `pnpm keys` where the overlay's secretGenerator expects them, then
 * `kubectl kustomize` (Kustomize as kubectl embeds it).
 */
export function renderOverlay(overlay: string): KubernetesObject[] {
  const binary = kubectl();
  const copy = mkdtempSync(join(tmpdir(), 'jembatan-kustomize-'));
  try {
    cpSync(join(ROOT, 'deploy/kubernetes'), copy, { recursive: true });
    execFileSync(
      process.execPath,
      [...RUN_FROM_SOURCE, 'scripts/keys.ts', '--out', join(copy, 'overlays', overlay, 'keys')],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const rendered = execFileSync(binary, ['kustomize', join(copy, 'overlays', overlay)], { encoding: 'utf8' });
    return parseAllDocuments(rendered).map((document) => {
      if (document.errors.length > 0) throw new Error(document.errors.map(String).join('; '));
      return withUnwrappedSecretData(document.toJS() as KubernetesObject);
    });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

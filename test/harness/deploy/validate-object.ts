import type { KubernetesObject } from './render-overlay';

interface Model {
  validate(): void;
}
type ModelClass = new (data: unknown) => Model;

/**
 * Validates an object against the Kubernetes API's JSON schema for its apiVersion and kind, with
 * the models of the `kubernetes-models` package (pinned); throws naming what is wrong. An
 * apiVersion or kind the package does not know is refused too.
 */
export async function validateKubernetesObject(object: KubernetesObject): Promise<void> {
  // The core group is `v1`; any other is `<group>/<version>`, e.g. `apps/v1`.
  const modulePath = `kubernetes-models/${object.apiVersion}`;
  let models: Record<string, ModelClass | undefined>;
  try {
    models = (await import(modulePath)) as Record<string, ModelClass | undefined>;
  } catch {
    throw new Error(`${object.kind} ${object.metadata?.name}: unknown apiVersion ${object.apiVersion}`);
  }
  const Model = models[object.kind];
  if (!Model) throw new Error(`${object.metadata?.name}: ${object.apiVersion} has no kind ${object.kind}`);
  try {
    new Model(object).validate();
  } catch (error) {
    throw new Error(`${object.kind} ${object.metadata?.name}: ${(error as Error).message}`, { cause: error });
  }
}

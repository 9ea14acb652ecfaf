import type { KubernetesObject } from './render-overlay';

/** The parts of a rendered container the deploy tests read. */
export interface Container {
  name: string;
  image: string;
  command?: string[];
  ports: { name: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  volumeMounts?: { name: string; mountPath: string }[];
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  livenessProbe?: { httpGet: { path: string; port: string | number } };
  readinessProbe?: { httpGet: { path: string; port: string | number } };
  startupProbe?: { httpGet: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[] };
  };
}
export interface PodSpec {
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean };
  containers: Container[];
  volumes?: { name: string; secret?: { secretName: string }; configMap?: { name: string }; emptyDir?: object }[];
}
/** A Deployment or a StatefulSet: what runs pods from a template. */
export type Workload = KubernetesObject & {
  spec: {
    template: { metadata?: { annotations?: Record<string, string>; labels?: Record<string, string> }; spec: PodSpec };
    volumeClaimTemplates?: { metadata: { name: string } }[];
  };
};

/** Finds things among an overlay's rendered objects, and what a container's environment adds up to. */
export function overlayObjects(objects: readonly KubernetesObject[]) {
  const ofKind = (kind: string) => objects.filter((object) => object.kind === kind);
  const named = (kind: string, name: string) =>
    objects.find((object) => object.kind === kind && object.metadata.name === name);
  const dataOf = (kind: 'ConfigMap' | 'Secret', name: string) =>
    (named(kind, name) as { data?: Record<string, string> } | undefined)?.data;

  /** Every variable a container is given: its `env`, and the keys of the ConfigMaps and Secrets in its `envFrom`. */
  function environmentOf(container: Container): Record<string, string | undefined> {
    const fromSources = (container.envFrom ?? []).flatMap((source) => {
      if (source.configMapRef) return Object.entries(dataOf('ConfigMap', source.configMapRef.name) ?? {});
      const secret = dataOf('Secret', source.secretRef!.name) ?? {};
      return Object.entries(secret).map(([name, value]) => [name, Buffer.from(value, 'base64').toString()] as const);
    });
    const direct = (container.env ?? []).map(({ name, value, valueFrom }) => {
      const ref = valueFrom?.secretKeyRef;
      const secret = ref ? dataOf('Secret', ref.name)?.[ref.key] : undefined;
      return [name, value ?? (secret === undefined ? undefined : Buffer.from(secret, 'base64').toString())] as const;
    });
    return Object.fromEntries([...fromSources, ...direct]);
  }

  return { ofKind, named, dataOf, environmentOf };
}

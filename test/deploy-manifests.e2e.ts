import { readFileSync } from 'node:fs';
import { dirname, basename, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGatewayConfig } from '@jembatan/gateway';
import { READINESS_PATH, readShutdownConfig, readSubgraphConfig, SHUTDOWN_CLEANUP_ALLOWANCE_MS } from '@jembatan/kit';
import { REGISTERED_AGENCIES } from '@jembatan/subgraph-registry/agencies';
import { environmentVariablesRead, serviceSources } from '../subgraphs/kit/src/config/__tests__/environment-reads';
import { startSupergraph, type RunningSupergraph } from './harness';
import { argumentsOf, readDockerfile, type DockerStage } from './harness/deploy/dockerfile';
import { renderOverlay, type KubernetesObject } from './harness/deploy/render-overlay';
import { validateKubernetesObject } from './harness/deploy/validate-object';
import { overlayObjects, type Workload } from './harness/deploy/overlay-objects';

/**
 * deploy/ as far as it can be tested on a machine that can neither build nor pull an image: the
 * example overlay rendered with Kustomize and every object checked against the Kubernetes
 * schemas; then what the schemas cannot know, against the code (variables, probes, ports,
 * grace periods, Secrets), and the Dockerfile against the documented production commands.
 */
const ROOT = resolve(__dirname, '..');
const commands = JSON.parse(readFileSync(resolve(ROOT, 'deploy/production-commands.json'), 'utf8')) as {
  pnpm: string;
  install: string;
  build: string;
  services: Record<
    string,
    { package: string; deploy: string; start: string; startFromRepository: string; port: number }
  >;
};
const SERVICES = Object.keys(commands.services);

const objects = renderOverlay('example');
const { ofKind, named, dataOf, environmentOf } = overlayObjects(objects);
const deployments = ofKind('Deployment') as Workload[];
const deployment = (service: string) => deployments.find((candidate) => candidate.metadata.name === service)!;
const containerOf = (service: string) => deployment(service).spec.template.spec.containers[0]!;

describe('the example Kustomize overlay', () => {
  it('renders a Deployment, Service and PodDisruptionBudget per service, an autoscaler for the gateway, and NATS', () => {
    // Beside them, the NATS of deploy/kubernetes/nats (test/deploy-nats.e2e.ts): a StatefulSet and its Services.
    for (const [kind, names] of [
      ['Deployment', SERVICES],
      ['Service', [...SERVICES, 'nats', 'nats-headless']],
      ['PodDisruptionBudget', SERVICES],
    ] as const) {
      expect([
        kind,
        ofKind(kind)
          .map((object) => object.metadata.name)
          .sort(),
      ]).toEqual([kind, [...names].sort()]);
    }
    const autoscalers = ofKind('HorizontalPodAutoscaler') as (KubernetesObject & {
      spec: { scaleTargetRef: { kind: string; name: string } };
    })[];
    expect(autoscalers.map((hpa) => hpa.spec.scaleTargetRef)).toEqual([
      expect.objectContaining({ kind: 'Deployment', name: 'gateway' }),
    ]);
    expect(
      objects
        .filter((object) => object.kind !== 'Namespace')
        .every((object) => object.metadata.namespace === 'jembatan'),
    ).toBe(true);
  });

  it('every object is valid against the Kubernetes schemas', async () => {
    for (const object of objects) await validateKubernetesObject(object);
  });

  it('the schema check can fail: a Deployment with a port as text, or a kind that does not exist, is refused', async () => {
    const broken = structuredClone(deployment('gateway'));
    (broken.spec.template.spec.containers[0]!.ports[0] as { containerPort: unknown }).containerPort = 'four thousand';
    await expect(validateKubernetesObject(broken)).rejects.toThrow(/containerPort/);
    await expect(validateKubernetesObject({ ...broken, kind: 'Deploymnet' })).rejects.toThrow(/no kind Deploymnet/);
  });

  it('sets only environment variables the services read', () => {
    const read = environmentVariablesRead(serviceSources(ROOT));
    for (const service of SERVICES) {
      const unread = Object.keys(environmentOf(containerOf(service))).filter((name) => !read.has(name));
      expect([service, unread]).toEqual([service, []]);
    }
  });

  it('each service reads the configuration the manifests give it', () => {
    const gateway = readGatewayConfig(environmentOf(containerOf('gateway')));
    expect(gateway.production).toBe(true);
    expect(gateway.subgraphUrls).toEqual(
      Object.fromEntries(
        REGISTERED_AGENCIES.map((agency) => [agency.name, `http://${agency.name}:${agency.port}/graphql`]),
      ),
    );
    for (const agency of REGISTERED_AGENCIES) {
      const config = readSubgraphConfig(environmentOf(containerOf(agency.name)), {
        name: agency.name,
        envPrefix: agency.envPrefix,
        defaultPort: agency.port,
        defaultDataDir: '/nowhere',
      });
      expect(config.production).toBe(true);
      expect(config.seedPreset).toBeNull();
      expect('url' in config.database).toBe(true);
    }
  });

  it('listens, probes and serves on the ports the services are configured with', () => {
    for (const service of SERVICES) {
      const container = containerOf(service);
      const env = environmentOf(container);
      const configured =
        service === 'gateway'
          ? readGatewayConfig(env)
          : readSubgraphConfig(env, {
              name: service,
              envPrefix: REGISTERED_AGENCIES.find((a) => a.name === service)!.envPrefix,
              defaultPort: 0,
              defaultDataDir: '/nowhere',
            });
      const configuredPort = configured.port;
      // /metrics on its own port, on the pod's address, named `metrics` and announced to the scraper.
      expect(configured.metricsListener).toEqual({ host: '0.0.0.0', port: expect.any(Number) });
      const metricsPort = configured.metricsListener!.port;
      expect([service, container.ports]).toEqual([
        service,
        [
          { name: 'http', containerPort: configuredPort },
          { name: 'metrics', containerPort: metricsPort },
        ],
      ]);
      expect(deployment(service).spec.template.metadata?.annotations?.['prometheus.io/port']).toBe(String(metricsPort));
      expect(configuredPort).toBe(commands.services[service]!.port);
      const portNames = new Set(container.ports.map((port) => port.name));
      for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
        expect(portNames.has(String(probe!.httpGet.port))).toBe(true);
      }
      const serviceObject = named('Service', service) as KubernetesObject & {
        spec: { ports: { port: number; targetPort: string }[] };
      };
      expect(
        serviceObject.spec.ports.every((port) => portNames.has(port.targetPort) && port.port === configuredPort),
      ).toBe(true);
      expect(container.livenessProbe!.httpGet.path).toBe('/health');
      expect(container.startupProbe!.httpGet.path).toBe('/health');
      expect(container.readinessProbe!.httpGet.path).toBe(READINESS_PATH);
    }
  });

  it('lets a stopping pod drain: preStop pause + SHUTDOWN_GRACE_MS + the close allowance < terminationGracePeriodSeconds', () => {
    for (const service of SERVICES) {
      const pod = deployment(service).spec.template.spec;
      const container = pod.containers[0]!;
      const [sleep, seconds] = container.lifecycle?.preStop?.exec?.command ?? [];
      expect(sleep).toBe('sleep');
      const pauseMs = Number(seconds) * 1000;
      expect(pauseMs).toBeGreaterThan(0);
      const { shutdownGraceMs } = readShutdownConfig(environmentOf(container));
      expect(pauseMs + shutdownGraceMs + SHUTDOWN_CLEANUP_ALLOWANCE_MS).toBeLessThan(
        pod.terminationGracePeriodSeconds! * 1000,
      );
    }
  });

  it('every Secret and ConfigMap referenced exists, and each key file is mounted where its variable points', () => {
    for (const service of SERVICES) {
      const pod = deployment(service).spec.template.spec;
      const container = pod.containers[0]!;
      for (const volume of pod.volumes ?? []) {
        if (volume.secret) expect(named('Secret', volume.secret.secretName), volume.secret.secretName).toBeDefined();
        if (volume.configMap) expect(named('ConfigMap', volume.configMap.name), volume.configMap.name).toBeDefined();
      }
      for (const { valueFrom } of container.env ?? []) {
        const ref = valueFrom?.secretKeyRef;
        if (ref) expect(dataOf('Secret', ref.name)?.[ref.key], `${ref.name}/${ref.key}`).toBeDefined();
      }
      for (const source of container.envFrom ?? []) {
        const [kind, name] = source.configMapRef
          ? ['ConfigMap', source.configMapRef.name]
          : ['Secret', source.secretRef!.name];
        expect(named(kind!, name!), name).toBeDefined();
      }
      const env = environmentOf(container);
      const keyPaths = ['GATEWAY_SIGNING_KEY_PATH', 'GATEWAY_PUBLIC_KEYS_PATH', 'CURSOR_KEYS_PATH'].filter(
        (name) => env[name],
      );
      expect(keyPaths.length).toBeGreaterThan(0);
      for (const variable of keyPaths) {
        const path = env[variable]!;
        const mount = container.volumeMounts?.find((candidate) => candidate.mountPath === dirname(path));
        const volume = pod.volumes?.find((candidate) => candidate.name === mount?.name);
        expect(volume?.secret, `${service} ${variable}`).toBeDefined();
        expect(dataOf('Secret', volume!.secret!.secretName)?.[basename(path)], `${service} ${variable}`).toBeDefined();
      }
    }
  });

  it('runs every container as non-root on a read-only root filesystem with no capabilities, with requests and limits', () => {
    for (const service of SERVICES) {
      const pod = deployment(service).spec.template.spec;
      const container = pod.containers[0]!;
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.volumeMounts?.some((mount) => mount.mountPath === '/tmp')).toBe(true);
      expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    }
  });
});

describe('the probe paths', () => {
  let supergraph: RunningSupergraph;
  beforeAll(async () => {
    supergraph = await startSupergraph();
  });
  afterAll(() => supergraph?.stop());

  it('answer 200 on every service', async () => {
    const paths = new Set(
      deployments.flatMap((d) => {
        const container = d.spec.template.spec.containers[0]!;
        return [container.livenessProbe!, container.readinessProbe!, container.startupProbe!].map(
          (probe) => probe.httpGet.path,
        );
      }),
    );
    for (const url of [supergraph.gateway.url, supergraph.workforce.url, supergraph.bpjs.url]) {
      for (const path of paths) expect([url, path, (await fetch(new URL(path, url))).status]).toEqual([url, path, 200]);
    }
  });
});

describe('deploy/Dockerfile', () => {
  const stages = readDockerfile(resolve(ROOT, 'deploy/Dockerfile'));
  const stage = (name: string): DockerStage => stages.find((candidate) => candidate.name === name)!;

  it('builds with exactly the documented commands, in order', () => {
    expect(argumentsOf(stage('builder'), 'RUN')).toEqual([
      `npm install --global pnpm@${commands.pnpm}`,
      commands.install,
      commands.build,
      ...SERVICES.map((service) => commands.services[service]!.deploy),
    ]);
  });

  it('has one target per service that copies only its deployed folder and starts it with the documented command', () => {
    for (const service of SERVICES) {
      const target = stage(service);
      const folder = commands.services[service]!.deploy.split(' ').at(-1);
      expect(target.from).toBe('runtime');
      expect(argumentsOf(target, 'RUN')).toEqual([]);
      expect(argumentsOf(target, 'COPY').filter((copy) => copy.startsWith('--from='))).toEqual([
        `--from=builder ${folder} /app`,
      ]);
      expect(JSON.parse(argumentsOf(target, 'CMD')[0]!)).toEqual(commands.services[service]!.start.split(' '));
      expect(argumentsOf(target, 'EXPOSE')).toEqual([String(commands.services[service]!.port)]);
      const [healthcheck] = argumentsOf(target, 'HEALTHCHECK');
      expect(healthcheck).toContain(`"${commands.services[service]!.port}"`);
    }
    expect(argumentsOf(stage('runtime'), 'RUN')).toEqual([]);
    expect(argumentsOf(stage('runtime'), 'USER')).toEqual(['node']);
  });

  it('puts the supergraph and the operation manifest where the gateway ConfigMap points', () => {
    const env = environmentOf(containerOf('gateway'));
    const destinations = argumentsOf(stage('gateway'), 'COPY').map((copy) => copy.split(' ').at(-1));
    expect(destinations).toEqual(expect.arrayContaining([env.SUPERGRAPH_PATH, env.TRUSTED_OPERATIONS_MANIFEST_PATH]));
  });

  it('the production page and deploy/README.md show the same commands', () => {
    const production = readFileSync(resolve(ROOT, 'docs/production.md'), 'utf8');
    expect(production.length).toBeGreaterThan(100);
    for (const command of [
      commands.install,
      commands.build,
      ...SERVICES.map((service) => commands.services[service]!.startFromRepository),
    ]) {
      expect(production).toContain(command);
    }
    const deployReadme = readFileSync(resolve(ROOT, 'deploy/README.md'), 'utf8');
    for (const service of SERVICES) {
      expect(deployReadme).toContain(commands.services[service]!.deploy);
      expect(deployReadme).toContain(`--target ${service}`);
    }
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDataFolder } from '@jembatan/kit/testing';
import { freePort } from './harness';
import { overlayObjects, type Workload } from './harness/deploy/overlay-objects';
import { renderOverlay, type KubernetesObject } from './harness/deploy/render-overlay';
import { startFixtureProcess, type FixtureProcess } from './harness/fixture-process';

/**
 * deploy/kubernetes/nats as the example overlay renders it: the NATS JetStream that the subgraphs'
 * NATS_URL names, checked against the objects around it, then its own nats.conf run here with
 * Debian's nats-server, probed on every path its probes use and sent into lame duck mode by the
 * preStop command. (Every object's schema is checked by test/deploy-manifests.e2e.ts.)
 */
const objects = renderOverlay('example');
const { ofKind, named, dataOf, environmentOf } = overlayObjects(objects);
const nats = named('StatefulSet', 'nats') as Workload;
const pod = nats.spec.template.spec;
const container = pod.containers[0]!;
const configMapName = pod.volumes!.find((volume) => volume.name === 'config')!.configMap!.name;
const conf = dataOf('ConfigMap', configMapName)!['nats.conf']!;
/** A top-level or jetstream setting of nats.conf, e.g. `store_dir`. */
const setting = (name: string) => new RegExp(`^\\s*${name}:\\s*(\\S+)\\s*$`, 'm').exec(conf)?.[1];
const seconds = (text: string | undefined) => Number(/^(\d+)s$/.exec(text ?? '')?.[1]);
const probes = [container.startupProbe!, container.livenessProbe!, container.readinessProbe!];

const scratch = testDataFolder('deploy-nats');
let server: FixtureProcess | undefined;
afterAll(async () => {
  await server?.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

describe('NATS in the example overlay', () => {
  it('is what every subgraph NATS_URL names: a Service in front of the StatefulSet client port', () => {
    const subgraphs = (ofKind('Deployment') as Workload[]).filter(
      (deployment) => deployment.metadata.labels?.['jembatan.go.id/tier'] === 'subgraph',
    );
    expect(subgraphs.length).toBeGreaterThan(0);
    for (const deployment of subgraphs) {
      const url = new URL(environmentOf(deployment.spec.template.spec.containers[0]!).NATS_URL!);
      const service = named('Service', url.hostname) as KubernetesObject & {
        spec: { selector: Record<string, string>; ports: { port: number; targetPort: string }[] };
      };
      expect([deployment.metadata.name, service?.metadata.name]).toEqual([deployment.metadata.name, 'nats']);
      const port = service.spec.ports.find((candidate) => candidate.port === Number(url.port));
      const target = container.ports.find((candidate) => candidate.name === port?.targetPort);
      expect(target?.containerPort).toBe(Number(url.port));
      expect(setting('port')).toBe(url.port);
      expect(nats.spec.template.metadata?.labels).toMatchObject(service.spec.selector);
    }
  });

  it('keeps its JetStream store on the volume claim and its pid file on a volume, with a read-only root filesystem', () => {
    const mountOf = (name: string) => container.volumeMounts?.find((mount) => mount.name === name)?.mountPath;
    const [claim] = nats.spec.volumeClaimTemplates ?? [];
    expect(setting('store_dir')).toBe(mountOf(claim!.metadata.name));
    const pidVolume = container.volumeMounts?.find((mount) => mount.mountPath === dirname(setting('pid_file')!));
    expect(pod.volumes?.find((volume) => volume.name === pidVolume?.name)?.emptyDir).toBeDefined();
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
  });

  it('holds SIGTERM off until lame duck mode has ended the server, within the grace period', () => {
    const [shell, flag, script] = container.lifecycle!.preStop!.exec!.command;
    expect([shell, flag]).toEqual(['sh', '-c']);
    const pauseSeconds = Number(/&& sleep (\d+)$/.exec(script!)?.[1]);
    const lameDuckSeconds = seconds(setting('lame_duck_duration')) + seconds(setting('lame_duck_grace_period'));
    expect(lameDuckSeconds).toBeGreaterThan(0);
    expect(pauseSeconds).toBeGreaterThanOrEqual(lameDuckSeconds);
    expect(pauseSeconds).toBeLessThan(pod.terminationGracePeriodSeconds!);
  });

  it("runs its nats.conf with JetStream on: every probe path answers 200, and the preStop's signal ends it", async () => {
    // The pod's paths and ports, swapped for this test's; nothing else of the file changes.
    const [clientPort, monitorPort] = [await freePort(), await freePort()];
    const pidFile = join(scratch, 'nats.pid');
    mkdirSync(scratch, { recursive: true });
    const local = conf
      .replace(/^(\s*store_dir:).*$/m, `$1 ${join(scratch, 'store')}`)
      .replace(/^(\s*pid_file:).*$/m, `$1 ${pidFile}`)
      .replace(/^(\s*port:).*$/m, `$1 ${clientPort}`)
      .replace(/^(\s*http_port:).*$/m, `$1 ${monitorPort}`);
    writeFileSync(join(scratch, 'nats.conf'), local);
    const monitor = `http://127.0.0.1:${monitorPort}`;
    server = await startFixtureProcess(
      { binary: '/usr/sbin/nats-server', args: ['--config', join(scratch, 'nats.conf')] },
      async () => (await fetch(`${monitor}/healthz`)).ok,
      {},
    );
    for (const probe of probes) {
      const port = container.ports.find((candidate) => candidate.name === probe.httpGet.port)!.containerPort;
      expect(setting('http_port')).toBe(String(port));
      expect([probe.httpGet.path, (await fetch(`${monitor}${probe.httpGet.path}`)).status]).toEqual([
        probe.httpGet.path,
        200,
      ]);
    }
    const jetstream = (await (await fetch(`${monitor}/varz`)).json()) as { jetstream?: { config?: object } };
    expect(jetstream.jetstream?.config).toMatchObject({ store_dir: join(scratch, 'store', 'jetstream') });

    const script = container.lifecycle!.preStop!.exec!.command[2]!;
    const [binary, flag, target] = script.split(' && ')[0]!.split(' ');
    expect([binary, flag]).toEqual(['nats-server', '--signal']);
    execFileSync('/usr/sbin/nats-server', [flag!, target!.replace(setting('pid_file')!, pidFile)]);
    // No client connected: lame duck mode has no one to move and ends the server at once.
    const exited = await Promise.race([
      server.exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
    ]);
    expect(exited).toBe(true);
  });
});

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { track } from './child-processes';
import type { LoadPlan, LoadResult } from './load-worker';
import { cpuMsOf, loadAverage } from './process-stats';
import { FROM_SOURCE } from './service-command';

/** One timed window of one system under one scenario, and what it cost each process. */
export interface WindowResult extends LoadResult {
  requestsPerSecond: number;
  errors: number;
  gatewayCpuMsPerRequest: number;
  subgraphCpuMsPerRequest: number;
  /** What the whole machine spent per answer: the system's processes, PostgreSQL, the load generator, the kernel. */
  machineCpuMsPerRequest: number;
  loadAverage: number;
}

export interface WindowTarget {
  /** The gateway's process, or each replica's: their CPU is summed. */
  gatewayPids: readonly number[];
  subgraphPids: readonly number[];
}

/** A window lasts its seconds, plus this for the load generator to start and end; then it is killed. */
const WINDOW_GRACE_MS = 60_000;

/**
 * Runs the load generator (load-worker.ts) in its own process for one window, bounded in time
 * (its duration, then a kill) and count (`maxRequests`), and reads the CPU the gateway and the
 * subgraphs used over it from /proc.
 */
export async function runWindow(plan: LoadPlan, target: WindowTarget, folder: string): Promise<WindowResult> {
  const planPath = join(folder, 'load-plan.json');
  writeFileSync(planPath, JSON.stringify(plan));
  const cpuOf = (pids: readonly number[]) => pids.reduce((sum, pid) => sum + cpuMsOf(pid), 0);
  const gatewayBefore = cpuOf(target.gatewayPids);
  const subgraphCpu = () => cpuOf(target.subgraphPids);
  const subgraphsBefore = subgraphCpu();
  const output = await new Promise<string>((resolve, reject) => {
    track(
      execFile(
        process.execPath,
        [...FROM_SOURCE, join(__dirname, 'load-worker.ts'), planPath],
        { timeout: plan.seconds * 1000 + WINDOW_GRACE_MS, killSignal: 'SIGKILL', maxBuffer: 1 << 20 },
        (error, stdout, stderr) =>
          error ? reject(new Error(`load generator failed: ${stderr || error.message}`)) : resolve(stdout),
      ),
    );
  });
  const gatewayMs = cpuOf(target.gatewayPids) - gatewayBefore;
  const subgraphMs = subgraphCpu() - subgraphsBefore;
  const load = JSON.parse(output.trim().split('\n').at(-1)!) as LoadResult;
  const requests = Math.max(load.requests, 1);
  return {
    ...load,
    // No answer in the window (a request slower than the window): no latency to report.
    p50: load.requests > 0 ? load.p50 : NaN,
    p99: load.requests > 0 ? load.p99 : NaN,
    requestsPerSecond: load.requests / load.seconds,
    errors: load.non2xx + load.socketErrors + load.timeouts + load.unexpectedGraphqlErrors,
    gatewayCpuMsPerRequest: gatewayMs / requests,
    subgraphCpuMsPerRequest: subgraphMs / requests,
    machineCpuMsPerRequest: load.machineBusyMs / requests,
    loadAverage: loadAverage(),
  };
}

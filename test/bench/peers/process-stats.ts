import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (100 on Linux almost always; asked once). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

const statusMbOf = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((each) => each.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) / 1024;
};

/** Resident memory of a process, in MB, from VmRSS in /proc/<pid>/status. */
export const rssMbOf = (pid: number): number => statusMbOf(pid, 'VmRSS');

/**
 * The most resident memory a process has had, in MB (VmHWM). RSS after the runs depends on how
 * long the process had been idle: V8 gives memory back to the system a while after its load ends.
 */
export const peakRssMbOf = (pid: number): number => statusMbOf(pid, 'VmHWM');

/**
 * CPU time the whole machine has been busy so far, in ms summed over its cores, from /proc/stat:
 * every process of a window (gateway, subgraphs, PostgreSQL, the load generator, the kernel).
 */
export function machineBusyMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal: all but idle and iowait are work.
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return (
    (((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 1000) / TICKS_PER_SECOND
  );
}

/** The 1-minute load average: how busy the machine was over the window just measured. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

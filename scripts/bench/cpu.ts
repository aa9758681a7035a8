/**
 * Where the cores went during a run: CPU seconds of each process of the cluster (utime + stime from
 * /proc, PostgreSQL's server with its connections), and of this process, the load's driver.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** The /proc stat fields after the command name: state is [0], utime [11], stime [12], cutime [13], cstime [14]. */
function statOf(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // it has exited
  }
}

function secondsOf(pid: number): number {
  const fields = statOf(pid);
  return fields ? fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / TICKS_PER_SECOND : 0;
}

/** A process and its children: PostgreSQL serves each connection from a process of its own. */
function treeSeconds(pid: number): number {
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => statOf(Number(name))?.[1] === String(pid));
  return secondsOf(pid) + children.reduce((sum, child) => sum + secondsOf(Number(child)), 0);
}

export type CpuParts = Record<string, number>;

/** CPU seconds so far of each named process (a tree where `tree` says so), and of this one. */
export function cpuSnapshot(pids: Record<string, number | undefined>, trees: string[] = []): CpuParts {
  const own = process.cpuUsage();
  const parts: CpuParts = { driver: (own.user + own.system) / 1e6 };
  for (const [name, pid] of Object.entries(pids)) if (pid) parts[name] = trees.includes(name) ? treeSeconds(pid) : secondsOf(pid);
  return parts;
}

/** Milliseconds of CPU per workflow between two snapshots, per process. */
export function cpuPerWorkflow(before: CpuParts, after: CpuParts, workflows: number): CpuParts {
  return Object.fromEntries(Object.keys(after).map((name) => [name, Math.round(((after[name] - (before[name] ?? 0)) * 1000) / workflows)]));
}

// Server-side figures from /proc (Linux): CPU time, resident memory and open descriptors of a
// process the bench started, so they cover the relay alone and not the load generator.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of `pid` (all its threads), in microseconds; resolution 1/CLK_TCK s. */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1e6) / clockTicks();
}

function statusField(pid: number, name: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status);
  if (match?.[1] === undefined) throw new Error(`no ${name} in /proc/${pid}/status`);
  return Number(match[1]);
}

/** Resident set size of `pid`, KiB. */
export function rssKiB(pid: number): number {
  return statusField(pid, 'VmRSS');
}

export function openFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/** The soft limit on open files of `pid` ("Max open files" in /proc/<pid>/limits). */
export function openFileLimit(pid: number | 'self'): number {
  const limits = readFileSync(`/proc/${pid}/limits`, 'utf8');
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
  if (match?.[1] === undefined || match[1] === 'unlimited') return Number.POSITIVE_INFINITY;
  return Number(match[1]);
}

/** Sum of a figure over several processes (a cluster's relays). */
export function sumOver(pids: readonly number[], f: (pid: number) => number): number {
  return pids.reduce((sum, pid) => sum + f(pid), 0);
}

/**
 * Waits until the processes use less than `share` of one core over half a second (or `maxMs`
 * passed): the relay gives no sign that it has finished setting up thousands of subscriptions, so
 * memory is read once it has gone quiet. Resolves with whether it did.
 */
export async function quiet(pids: readonly number[], maxMs = 60_000, share = 0.1): Promise<boolean> {
  if (pids.length === 0) return false;
  const end = Date.now() + maxMs;
  while (Date.now() < end) {
    const before = sumOver(pids, cpuMicros);
    await new Promise((r) => setTimeout(r, 500));
    if (sumOver(pids, cpuMicros) - before < share * 500_000) return true;
  }
  return false;
}

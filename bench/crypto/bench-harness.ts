// Shared measuring helpers of the crypto benchmarks: operations run IN_FLIGHT at a time, with
// wall-clock throughput and process CPU time per operation (all threads, so WebCrypto's libuv
// pool too). On a shared machine the first drops with the load, the second much less.
import { loadavg } from 'node:os';

export const IN_FLIGHT = 64;

/** Process CPU time (main thread, libuv pool, V8 helpers), in microseconds. */
export function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

export interface Throughput<T> {
  readonly perSecond: number;
  readonly cpuPerOp: number;
  readonly out: T[];
}

/** Runs `count` operations, IN_FLIGHT at a time. */
export async function inFlight<T>(count: number, op: (i: number) => Promise<T>): Promise<Throughput<T>> {
  const out: T[] = [];
  const start = performance.now();
  const cpu0 = cpuMicros();
  for (let i = 0; i < count; i += IN_FLIGHT) {
    const n = Math.min(IN_FLIGHT, count - i);
    out.push(...(await Promise.all(Array.from({ length: n }, (_, j) => op(i + j)))));
  }
  return {
    perSecond: (count / (performance.now() - start)) * 1000,
    cpuPerOp: (cpuMicros() - cpu0) / count,
    out,
  };
}

/** Times `runs` runs of `op` (wall ms and CPU ms each, `before` untimed), sorted ascending. */
export async function timed(runs: number, op: (run: number) => Promise<void>, before?: () => Promise<void>) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    await before?.();
    const start = performance.now();
    const cpu0 = cpuMicros();
    await op(r);
    wall.push(performance.now() - start);
    cpu.push((cpuMicros() - cpu0) / 1000);
  }
  wall.sort((x, y) => x - y);
  cpu.sort((x, y) => x - y);
  return { best: wall[0] ?? 0, median: wall[Math.floor(wall.length / 2)] ?? 0, cpu: cpu[0] ?? 0 };
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function loadLine(): string {
  return `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (2 cores)`;
}

// Self time by function of a V8 CPU profile (.cpuprofile from `node --cpu-prof`, the inspector's
// Profiler.stop, or Chrome's CDP), so a bench can say where a catch-up spends its time.
// Run: node --import tsx bench/web/summarise-profile.ts <file.cpuprofile> [top=40]
import { readFileSync } from 'node:fs';

export interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

function shortUrl(url: string): string {
  const at = url.search(/(packages|node_modules|assets)\//);
  return at >= 0 ? url.slice(at) : url.replace(/^.*\//, '');
}

/** Lines of "self ms, self %, inclusive ms, function (file:line)", by self time. */
export function summariseProfile(profile: CpuProfile, top = 40): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] ?? 0;
    // A sample's time is the delta to the next sample.
    const dt = deltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  }
  const key = (n: CpuProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} (${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1})`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    self.set(key(node), (self.get(key(node)) ?? 0) + us);
    // Inclusive: once per distinct function on the stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (!n) break;
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  const all = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const lines = [`total sampled ${(all / 1000).toFixed(0)} ms`, 'self ms  self%  incl ms  function'];
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    lines.push(
      `${(us / 1000).toFixed(1).padStart(7)}  ${((100 * us) / all).toFixed(1).padStart(5)}  ${((total.get(k) ?? 0) / 1000).toFixed(0).padStart(7)}  ${k}`,
    );
  }
  lines.push('', 'inclusive (top):');
  for (const [k, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    lines.push(`${(us / 1000).toFixed(0).padStart(7)}  ${k}`);
  }
  return lines;
}

if (process.argv[1]?.endsWith('summarise-profile.ts')) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: summarise-profile.ts <file.cpuprofile> [top]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(summariseProfile(profile, Number(process.argv[3] ?? 40)).join('\n'));
}

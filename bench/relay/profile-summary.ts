// Summarises a V8 CPU profile of the relay (BENCH_RELAY_PROFILE=<dir> makes the bench start the
// relay with --cpu-prof): self time by package and the hottest functions, idle excluded.
// Run: node --import tsx bench/relay/profile-summary.ts <file.cpuprofile>
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: profile-summary.ts <file.cpuprofile>');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));

const where = (url: string) => {
  if (url.startsWith('wasm://')) return 'wasm (PGlite)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') === true ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? url);
  }
  if (url.startsWith('node:')) return 'node internals';
  const repo = url.indexOf('/work/');
  return url === ''
    ? '(native / runtime)'
    : url
        .slice(repo >= 0 ? repo : 0)
        .split('/')
        .slice(0, 5)
        .join('/');
};

const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
let busy = 0;
profile.samples.forEach((id, i) => {
  const node = nodes.get(id);
  const dt = profile.timeDeltas[i] ?? 0;
  if (node === undefined || node.callFrame.functionName === '(idle)') return;
  busy += dt;
  const pkg = where(node.callFrame.url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
  const fn = `${node.callFrame.functionName || '(anonymous)'} ${pkg}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
});

const top = (m: Map<string, number>, n: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([k, t]) =>
        `${(t / 1000).toFixed(0).padStart(8)} ms ${((100 * t) / busy).toFixed(1).padStart(5)}%  ${k}`,
    )
    .join('\n');

console.log(
  `busy (not idle): ${(busy / 1000).toFixed(0)} ms\n\nself time by package:\n${top(byPackage, 15)}`,
);
console.log(`\nhottest functions (self time):\n${top(byFunction, 20)}`);

// The chunks a built page loads before it runs: the entry module(s) named by index.html and,
// transitively, every chunk they import statically. Dynamic import() is not followed.

const SCRIPT = /<script[^>]+type="module"[^>]+src="\/?([^"]+)"/g;
const PRELOAD = /<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+)"/g;
// `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"` in minified output.
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[^"']+\.js)["']/g;

export function initialChunks(html: string, read: (file: string) => string): string[] {
  const seen = new Set<string>();
  const queue = [...html.matchAll(SCRIPT), ...html.matchAll(PRELOAD)].map((m) => m[1] ?? '');
  while (queue.length > 0) {
    const file = queue.shift();
    if (!file || seen.has(file)) continue;
    seen.add(file);
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of read(file).matchAll(STATIC_IMPORT)) queue.push(dir + (m[1] ?? '').replace(/^\.\//, ''));
  }
  return [...seen];
}

// packages/trade/src runs in browsers and workers as well as Node, so it uses no Node API and no
// DOM global; only src/cli (the parley-verify command) reads files. tsc cannot check this here:
// ethers' own declarations pull in @types/node for every package, so this test reads the sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The code without comments and string contents, so prose that says "process" is not a hit. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''");
}

describe('runtime-neutral sources', () => {
  const files = sources(SRC).map((path) => ({ name: relative(SRC, path), text: readFileSync(path, 'utf8') }));
  const neutral = files.filter((f) => !f.name.startsWith('cli'));

  it('finds the sources, the CLI among them', () => {
    expect(neutral.length).toBeGreaterThan(20);
    expect(files.some((f) => f.name === join('cli', 'main.ts'))).toBe(true);
  });

  it('import nothing from node: outside src/cli', () => {
    const offenders = neutral
      .filter((f) => /from\s+['"]node:|import\(\s*['"]node:/.test(f.text))
      .map((f) => f.name);
    expect(offenders).toEqual([]);
    expect(files.filter((f) => /from\s+['"]node:/.test(f.text)).map((f) => f.name)).toEqual([
      join('cli', 'main.ts'),
    ]);
  });

  it('use no window, document, process or Buffer', () => {
    const offenders = neutral
      .filter((f) => /\b(window|document|process|Buffer)\b/.test(code(f.text)))
      .map((f) => f.name);
    expect(offenders).toEqual([]);
  });
});

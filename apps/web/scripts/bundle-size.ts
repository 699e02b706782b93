// Measures the web app's initial JavaScript: the entry script in dist/index.html plus every chunk
// it imports statically (what the browser must fetch before the app can render), gzipped at
// level 9 like a production server would. Lazy chunks (dynamic import) are listed apart.
// Usage: node --import tsx apps/web/scripts/bundle-size.ts [--budget-kb 150]
// Exits 1 when the initial JS is over budget. docs/web.md explains the budget.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { initialChunks } from './initial-chunks';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const budgetArg = process.argv.indexOf('--budget-kb');
const budgetKb = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : 150;

const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1000).toFixed(1).padStart(7);

const initial = initialChunks(read('index.html'), read);
const all = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const lazy = all.filter((f) => !initial.includes(f));

let total = 0;
console.log('initial JS (gzip -9, kB):');
for (const file of initial) {
  const size = gz(file);
  total += size;
  console.log(`${kb(size)}  ${file}`);
}
console.log(`${kb(total)}  TOTAL (budget ${budgetKb} kB)`);
console.log('\nlazy chunks (gzip -9, kB):');
for (const file of lazy.sort((a, b) => gz(b) - gz(a))) console.log(`${kb(gz(file))}  ${file}`);

if (total > budgetKb * 1000) {
  console.error(`\ninitial JS ${kb(total).trim()} kB is over the ${budgetKb} kB budget`);
  process.exit(1);
}

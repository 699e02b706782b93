// `npm test`: lint, type check, every vitest project, then the browser tests. It ends with the plain line
// "N passed, N failed" (CI reads it), where a failed lint or type check counts as a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = { ...process.env, NO_COLOR: '1' };
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n── ${label} ──`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status === 0;
}

if (run('lint (biome)', 'npx', ['biome', 'check', '.'])) totals.passed++;
else totals.failed++;
if (run('type check (tsc)', 'npm', ['run', '--silent', 'typecheck'])) totals.passed++;
else totals.failed++;

const countsFile = join(mkdtempSync(join(tmpdir(), 'parley-test-')), 'counts.json');
const ok = run('unit and integration tests (vitest)', 'npx', ['vitest', 'run'], {
  PARLEY_TEST_COUNTS: countsFile,
});
if (existsSync(countsFile)) {
  const c = JSON.parse(readFileSync(countsFile, 'utf8'));
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
}
if (!ok && totals.failed === 0) totals.failed++;

// Browser tests: the built PWA, a real relay and Debian's chromium (e2e/run.mjs builds first).
const e2eCounts = join(mkdtempSync(join(tmpdir(), 'parley-e2e-')), 'counts.json');
const e2eOk = run('browser tests (playwright)', 'node', ['e2e/run.mjs'], { PARLEY_TEST_COUNTS: e2eCounts });
if (existsSync(e2eCounts)) {
  const c = JSON.parse(readFileSync(e2eCounts, 'utf8'));
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
} else if (!e2eOk) totals.failed++;

console.log('');
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);

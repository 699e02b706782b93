#!/usr/bin/env node
// Runs the e2e suite the way CI does: builds the web app, runs Playwright (Debian chromium, the
// relay as web server), and ends with the plain line "N passed, N failed".
//
//   node e2e/run.mjs [--skip-build] [extra playwright args, e.g. tests/settings.spec.ts]
//
// PARLEY_TEST_COUNTS=<file>  also writes {"passed","failed","skipped"} there (the format of
//                            scripts/count-reporter.ts), so scripts/test.mjs can add them up.
// PARLEY_E2E_SERVER=preview  serves apps/web/dist with vite preview instead of the relay.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const playwrightArgs = args.filter((a) => a !== '--skip-build');
const jsonReport = join(here, 'test-results', 'results.json');
const env = {
  ...process.env,
  NO_COLOR: '1',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  PARLEY_E2E_JSON: jsonReport,
};

function run(cmd, cmdArgs) {
  return spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env }).status ?? 1;
}

const counts = { passed: 0, failed: 0, skipped: 0 };
let ok = true;
if (!skipBuild) {
  console.log('── build apps/web ──');
  if (run('npm', ['run', '--silent', 'build', '--workspace', 'apps/web']) !== 0) {
    ok = false;
    counts.failed++;
  }
}
if (ok) {
  console.log('── e2e (playwright) ──');
  rmSync(jsonReport, { force: true });
  const status = run('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...playwrightArgs]);
  if (existsSync(jsonReport)) {
    const { stats } = JSON.parse(readFileSync(jsonReport, 'utf8'));
    counts.passed += stats.expected + stats.flaky;
    counts.failed += stats.unexpected;
    counts.skipped += stats.skipped;
  }
  // A run that failed without reporting a failed test (server did not start, config error) still fails.
  if (status !== 0 && counts.failed === 0) counts.failed++;
}
if (process.env.PARLEY_TEST_COUNTS) writeFileSync(process.env.PARLEY_TEST_COUNTS, JSON.stringify(counts));
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed === 0 ? 0 : 1);

// Playwright: the built PWA served by a real relay, driven by Debian's chromium (browsers are
// never downloaded). Run through `node e2e/run.mjs`, which builds the web app first and prints the
// plain "N passed, N failed" line; docs/web.md has the details.
//
// Environment:
//   PARLEY_E2E_SERVER   relay (default): node --import tsx relay/src/main.ts, serving apps/web/dist
//                       preview: vite preview of apps/web/dist (until the relay serves static files)
//   PARLEY_E2E_PORT     port to use (default: a free one, picked once and shared with the workers)
//   PARLEY_E2E_JSON     where the JSON report goes (default e2e/test-results/results.json)
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(root, 'apps/web/dist');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// The config is loaded by the runner and again by every worker. The runner picks the port and
// data folder and puts them in the environment, which the workers inherit, so all agree.
if (!process.env.PARLEY_E2E_PORT) process.env.PARLEY_E2E_PORT = String(await freePort());
if (!process.env.PARLEY_E2E_DATA_DIR) {
  process.env.PARLEY_E2E_DATA_DIR = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  process.env.PARLEY_E2E_DATA_DIR_OWNED = '1';
}
const port = Number(process.env.PARLEY_E2E_PORT);
const dataDir = process.env.PARLEY_E2E_DATA_DIR;
const mode = process.env.PARLEY_E2E_SERVER === 'preview' ? 'preview' : 'relay';

if (!existsSync(join(dist, 'index.html'))) {
  throw new Error(
    'apps/web/dist is missing: run `npm run build --workspace apps/web` (e2e/run.mjs does it for you)',
  );
}

const webServer =
  mode === 'relay'
    ? {
        command: 'node --import tsx relay/src/main.ts',
        cwd: root,
        url: `http://127.0.0.1:${port}/healthz`,
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          STATIC_DIR: dist,
          LOG_LEVEL: 'warn',
        },
      }
    : {
        command: `node ${join(root, 'node_modules/vite/bin/vite.js')} preview --port ${port} --strictPort --host 127.0.0.1`,
        cwd: join(root, 'apps/web'),
        url: `http://127.0.0.1:${port}/`,
        env: {},
      };

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results/artifacts',
  fullyParallel: false,
  // Two cores are shared by everyone on this machine.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalTeardown: './support/global-teardown.ts',
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PARLEY_E2E_JSON ?? join(here, 'test-results/results.json') }],
  ],
  use: {
    // http://localhost is a secure context: WebCrypto Ed25519/X25519 and service workers work.
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'Europe/Madrid',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    ...webServer,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

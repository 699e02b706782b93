// `npm run cluster`: Parley in cluster mode on one machine, so anyone can try it. PostgreSQL and
// Redis from Debian's packages (installed with apt-get when missing and root) on loopback, two
// relays (relay/src/main.ts with DATABASE_URL and REDIS_URL) on free loopback ports, and a small
// round-robin TCP proxy in front of them on PORT (default 8787) serving the PWA and the API.
// Each TCP connection goes to the next relay, so WebSockets and HTTP requests of one browser land
// on different relays: nothing is sticky (docs/operations.md).
//
// Env: PORT (8787), HOST (127.0.0.1), RELAYS (2), LOG_LEVEL (info). Ctrl-C stops everything
// and deletes the throwaway database and Redis.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './services/postgres.mjs';
import { startRedis } from './services/redis.mjs';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const count = Number(process.env.RELAYS ?? 2);
const publicUrl = `http://localhost:${port}`;

const log = (msg) => console.log(`[cluster] ${msg}`);

/** Starts one relay and resolves with its port, read from its "listening" log line. */
function startRelay(name, env) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/src/main.ts'], {
    cwd: REPO,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    let port;
    const onLine = (line) => {
      if (line.trim() === '') return;
      console.log(`[${name}] ${line}`);
      const m = /"port":(\d+)[^\n]*"msg":"listening"/.exec(line);
      if (port === undefined && m?.[1] !== undefined) {
        port = Number(m[1]);
        resolve({ name, child, port });
      }
    };
    const onData = (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      if (port === undefined) reject(new Error(`${name} exited (${code ?? signal}) before listening`));
      else if (!stopping) log(`${name} exited (${code ?? signal}); the proxy skips it`);
    });
  });
}

/** Round-robin TCP proxy: each connection to the next live relay; a refused one tries the next. */
function startProxy(backends) {
  let next = 0;
  const server = createServer((client) => {
    client.pause();
    const tryBackend = (attempt) => {
      if (attempt >= backends.length) {
        client.destroy();
        return;
      }
      const b = backends[next++ % backends.length];
      const upstream = connect(b.port, '127.0.0.1');
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        client.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
      upstream.on('error', () => {
        if (connected) client.destroy();
        else tryBackend(attempt + 1);
      });
    };
    tryBackend(0);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

let stopping = false;
const relays = [];
let pg;
let redis;
let proxy;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  log('stopping');
  proxy?.close();
  await Promise.all(
    relays.map(
      (r) =>
        new Promise((resolve) => {
          if (r.child.exitCode !== null || r.child.signalCode !== null) return resolve();
          r.child.once('exit', resolve);
          r.child.kill('SIGTERM');
        }),
    ),
  );
  redis?.stop();
  pg?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  log('starting PostgreSQL and Redis (Debian packages, loopback only)');
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  log(`DATABASE_URL=${pg.url}`);
  log(`REDIS_URL=${redis.url}`);
  const env = {
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    PUBLIC_URL: publicUrl,
    ALLOWED_ORIGINS: [publicUrl, `http://127.0.0.1:${port}`].join(','),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  // One at a time: the first applies the migrations (the others would wait on its lock anyway).
  for (let i = 1; i <= count; i++) relays.push(await startRelay(`relay-${i}`, env));
  proxy = await startProxy(relays);
  log(`${count} relays (${relays.map((r) => r.port).join(', ')}) behind http://${host}:${port}`);
  log(`open ${publicUrl} — Ctrl-C stops everything`);
} catch (error) {
  console.error(`[cluster] ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}

// A throwaway Redis server for tests and `npm run cluster`: Debian's redis-server (installed with
// apt-get when missing and running as root), on a free loopback port, no persistence, its files
// in a temp folder. startRedis() returns its REDIS_URL, kill()/start() to take it down abruptly
// and bring it back on the same port (fault tests), and stop() that shuts it down and deletes the
// folder.
//
// CLI: `node scripts/services/redis.mjs` starts one, prints REDIS_URL=..., and stops it on
// SIGINT/SIGTERM.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = '/usr/bin/redis-server';

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Installs Debian's redis-server package if the server binary is missing (root only). */
export function ensureRedisInstalled() {
  if (existsSync(SERVER)) return SERVER;
  if (!isRoot())
    throw new Error('redis-server is not installed and we are not root: apt-get install redis-server');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env });
  if (!existsSync(SERVER)) throw new Error(`apt-get installed redis-server but ${SERVER} was not found`);
  return SERVER;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Resolves true once the server answers PING on `port`, false if it did not within `ms`. */
async function answersPing(port, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let reply = '';
      socket.setTimeout(500, () => socket.destroy());
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', (d) => {
        reply += d.toString();
        if (reply.includes('\r\n')) socket.end();
      });
      socket.on('close', () => resolve(reply.startsWith('+PONG')));
      socket.on('error', () => undefined);
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startRedis() {
  const server = ensureRedisInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'parley-redis-'));
  const port = await freePort();
  const pidFile = join(dir, 'redis.pid');
  let pid;
  let removed = false;

  async function start() {
    if (removed) throw new Error('this Redis was stopped for good');
    const r = spawnSync(
      server,
      [
        '--bind',
        '127.0.0.1',
        '--port',
        String(port),
        '--protected-mode',
        'yes',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--daemonize',
        'yes',
        '--pidfile',
        pidFile,
        '--logfile',
        join(dir, 'log'),
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`redis-server failed: ${r.stderr || r.stdout}`);
    if (!(await answersPing(port, 10_000))) {
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
      throw new Error(`redis-server did not answer on port ${port}:\n${log}`);
    }
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  }

  /** SIGKILL, like a crash: clients see their connections drop. Waits until it is gone. */
  async function kill() {
    if (pid === undefined) return;
    const dead = pid;
    pid = undefined;
    try {
      process.kill(dead, 'SIGKILL');
    } catch {
      return;
    }
    while (alive(dead)) await new Promise((r) => setTimeout(r, 20));
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    stop() {
      if (removed) return;
      removed = true;
      if (pid !== undefined) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
        pid = undefined;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const redis = await startRedis();
  console.log(`REDIS_URL=${redis.url}`);
  const stop = () => {
    redis.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

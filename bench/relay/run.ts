// bench/relay: open-loop load generator for the relay (issue 7, item 3). Starts the relay as a
// child process (PGlite in a temporary folder, rate limits lifted), a raw `ws` broadcast server
// as the baseline, and load-generator worker processes with real graphql-ws clients and SIWE
// sessions, then runs the scenarios and prints markdown tables (progress goes to stderr).
// Prints figures; asserts nothing. docs/performance.md describes the method.
// Run: node --import tsx bench/relay/run.ts     (BENCH_QUICK=1 for a short run; knobs in bench-config.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig, relayEnv } from './bench-config';
import { type ChurnResult, runChurn } from './churn';
import { BODY_BYTES } from './envelope-body';
import { type FanoutResult, runFanout } from './fanout';
import { createGroups, rawGroups } from './group-setup';
import { type IdleResult, runIdle } from './idle';
import { openFileLimit } from './proc-stats';
import { churnTable, fanoutTable, idleTable, ratioLines } from './report';
import { type ServerProcess, spawnServer } from './spawn-server';
import { rawTarget, relayTarget, type Target } from './target';
import { startWorkers } from './worker-pool';

const cfg = readConfig(process.env);
const log = (line: string) => process.stderr.write(`${line}\n`);
const EMBEDDED = 'embedded relay';

/**
 * The idle scenario on a relay of its own: sessions are signed in on a first process, which then
 * stops; a second process on the same data folder takes the connections, so its RSS before them
 * holds no sign-in garbage and no heap left over from other scenarios.
 */
async function idleOnFreshRelay(
  workers: ReturnType<typeof startWorkers>,
  connections: number,
  sessions: number,
): Promise<IdleResult> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-relay-idle-'));
  const servers: ServerProcess[] = [];
  try {
    const first = await spawnServer('relay/src/main.ts', relayEnv(dir));
    servers.push(first);
    const target = relayTarget(EMBEDDED, first.url, [first.pid]);
    return await runIdle(workers, target, connections, sessions, log, async () => {
      await first.stop();
      const second = await spawnServer('relay/src/main.ts', relayEnv(dir));
      servers.push(second);
      return relayTarget(EMBEDDED, second.url, [second.pid]);
    });
  } finally {
    for (const s of servers) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-relay-'));
  const env = relayEnv(dataDir);
  const servers: ServerProcess[] = [];
  const workers = startWorkers(cfg.workers);
  const fanouts: FanoutResult[] = [];
  const idles: IdleResult[] = [];
  const churns: ChurnResult[] = [];
  let raw: FanoutResult | undefined;
  try {
    log('starting the relay child process (PGlite)...');
    const profile = process.env.BENCH_RELAY_PROFILE;
    const relay = await spawnServer(
      'relay/src/main.ts',
      env,
      profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`],
    );
    servers.push(relay);
    const targets: Target[] = [relayTarget(EMBEDDED, relay.url, [relay.pid])];
    if (cfg.clusterUrl !== undefined) targets.push(relayTarget('cluster', cfg.clusterUrl, cfg.clusterPids));

    const step = { durationMs: cfg.stepMs, drainMs: cfg.drainMs, maxInFlight: cfg.maxInFlight };
    const ladder = { ...step, rates: cfg.rates, p99LimitMs: cfg.p99LimitMs, log };
    for (const target of targets) {
      if (cfg.scenarios.has('fanout')) {
        log(
          `${target.label}: fan-out ${cfg.fanout}, ${cfg.groups} groups (signing in ${cfg.groups * (cfg.fanout + 1)} sessions)...`,
        );
        const groups = await createGroups(target.url, cfg.groups, cfg.fanout);
        fanouts.push(await runFanout(workers, target, groups, { ...ladder, stopOnP99: true }));
        if (raw === undefined) {
          log('raw ws baseline: same group shape, same clients, same ladder (until it stops keeping up)...');
          const server = await spawnServer('bench/relay/raw-server.ts', { PORT: '0' });
          servers.push(server);
          raw = await runFanout(
            workers,
            rawTarget(server.port, server.pid),
            rawGroups(cfg.groups, cfg.fanout),
            { ...ladder, stopOnP99: false },
          );
          await server.stop();
        }
      }
      if (cfg.scenarios.has('idle')) {
        log(`${target.label}: ${cfg.idleConnections} idle connections...`);
        idles.push(
          target.label === EMBEDDED
            ? await idleOnFreshRelay(workers, cfg.idleConnections, cfg.idleSessions)
            : await runIdle(workers, target, cfg.idleConnections, cfg.idleSessions, log),
        );
      }
      if (cfg.scenarios.has('churn')) {
        log(`${target.label}: churn for ${cfg.churnMs} ms...`);
        const groups = await createGroups(target.url, 2, cfg.fanout);
        churns.push(await runChurn(workers, target, groups, cfg.churnMs));
      }
    }
  } finally {
    for (const w of workers) w.stop();
    for (const s of servers) await s.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const out: string[] = [];
  out.push(
    `# bench/relay${cfg.quick ? ' (BENCH_QUICK)' : ''}`,
    '',
    `Node ${process.version}, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the end, open-files limit ${openFileLimit('self')} (coordinator).`,
    `Relay child: \`node --import tsx relay/src/main.ts\` with ${Object.entries(env)
      .filter(([k]) => k !== 'DATA_DIR')
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}, DATA_DIR=<temp> (PGlite); other variables at their defaults.`,
    `Clients: ${cfg.workers} worker processes, graphql-ws over ws, SIWE sessions; body ${BODY_BYTES} bytes of random` +
      ` bytes (${Math.ceil((BODY_BYTES * 4) / 3)} base64url chars); at most ${cfg.maxInFlight} sends in flight per sender connection.`,
    '',
  );
  if (fanouts.length > 0) {
    out.push(
      `## Fan-out ${cfg.fanout} (${cfg.groups} groups, one sender each, ${cfg.stepMs / 1000} s steps, latency from the scheduled send time)`,
      '',
      fanoutTable([...fanouts, ...(raw ? [raw] : [])], cfg.fanout),
      '',
      ratioLines(fanouts, raw),
      '',
    );
  }
  if (idles.length > 0) out.push('## Idle authenticated connections', '', idleTable(idles), '');
  if (churns.length > 0)
    out.push('## Churn (subscribe and complete `events` in a loop)', '', churnTable(churns), '');
  if (cfg.clusterUrl === undefined) {
    out.push(
      "Cluster: skipped. Set RELAY_URL to the cluster's http base (for example the proxy `npm run cluster` starts),",
      "and RELAY_PIDS=pid,pid to count its relays' CPU and RSS.",
    );
  }
  console.log(out.join('\n'));
}

await main();

// The bench's knobs, from environment variables (docs/performance.md lists them), and the
// environment the embedded relay child runs with.

export type Scenario = 'fanout' | 'idle' | 'churn';

export interface BenchConfig {
  readonly quick: boolean;
  readonly scenarios: ReadonlySet<Scenario>;
  readonly workers: number;
  readonly groups: number;
  readonly fanout: number;
  readonly stepMs: number;
  readonly drainMs: number;
  /** Total sends per second of each fan-out step; deliveries are `fanout` times that. */
  readonly rates: readonly number[];
  readonly p99LimitMs: number;
  readonly idleConnections: number;
  /** Distinct sessions the idle connections share (SIWE sign-ins are slow). */
  readonly idleSessions: number;
  readonly churnMs: number;
  /** The relay lets a connection run 4 operations at once (not configurable). */
  readonly maxInFlight: number;
  readonly clusterUrl: string | undefined;
  readonly clusterPids: readonly number[];
}

const SCENARIOS: readonly Scenario[] = ['fanout', 'idle', 'churn'];

function num(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
}

export function readConfig(env: Record<string, string | undefined>): BenchConfig {
  const quick = env.BENCH_QUICK === '1';
  const names = (env.BENCH_SCENARIOS ?? SCENARIOS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s !== 'cluster');
  for (const n of names) {
    if (!SCENARIOS.includes(n as Scenario)) throw new Error(`BENCH_SCENARIOS: unknown scenario ${n}`);
  }
  const rates =
    env.BENCH_RATES?.split(',').map(Number) ??
    (quick
      ? [25, 50, 100, 250, 500, 1000, 2000, 4000, 8000]
      : [25, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 4000, 6000, 8000]);
  if (rates.some((r) => !(r > 0))) throw new Error('BENCH_RATES must be positive numbers');
  return {
    quick,
    scenarios: new Set(names as Scenario[]),
    workers: num(env, 'BENCH_WORKERS', 2),
    groups: num(env, 'BENCH_GROUPS', quick ? 10 : 20),
    fanout: num(env, 'BENCH_FANOUT', 10),
    stepMs: num(env, 'BENCH_STEP_MS', quick ? 2000 : 5000),
    drainMs: num(env, 'BENCH_DRAIN_MS', quick ? 3000 : 5000),
    rates,
    p99LimitMs: num(env, 'BENCH_P99_LIMIT_MS', 100),
    idleConnections: num(env, 'BENCH_IDLE', quick ? 1000 : 10_000),
    idleSessions: num(env, 'BENCH_IDLE_SESSIONS', Number.POSITIVE_INFINITY),
    churnMs: num(env, 'BENCH_CHURN_MS', quick ? 3000 : 10_000),
    maxInFlight: 4,
    clusterUrl: env.RELAY_URL === '' ? undefined : env.RELAY_URL,
    clusterPids: (env.RELAY_PIDS ?? '')
      .split(',')
      .filter((p) => p.trim() !== '')
      .map(Number),
  };
}

/**
 * The embedded relay's environment (relay/src/config.ts): rate limits lifted so the bench
 * measures the relay, not its limiter. Everything else is the default, including
 * BACKPRESSURE_BYTES (1 MiB) and the 4-operations-per-connection cap (no variable for it).
 */
export function relayEnv(dataDir: string): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    RATE_WALLET_PER_MINUTE: '1000000000',
    RATE_IP_PER_MINUTE: '1000000000',
    RATE_CONNECTION_PER_10S: '1000000000',
  };
}

// Configuration: RelayConfig is what createRelay needs; parseEnv reads it (plus the adapter
// choices main.ts makes) from environment variables with zod. docs/relay.md lists every variable.

import { z } from 'zod';
import { MAX_BLOB_BYTES, MAX_FRAME_BYTES } from './deps/protocol';

export interface RateLimitConfig {
  /** GraphQL operations per wallet per minute. */
  readonly walletPerMinute: number;
  /** HTTP requests and WebSocket upgrades per IP per minute. */
  readonly ipPerMinute: number;
  /** WebSocket messages per connection per 10 seconds. */
  readonly connectionPer10s: number;
}

export interface RelayConfig {
  /** SIWE domain (EIP-4361 `domain`): host[:port] the wallet shows. */
  readonly siweDomain: string;
  /** SIWE `URI`: the relay's origin. */
  readonly siweUri: string;
  readonly chainId: number;
  readonly nonceTtlMs: number;
  readonly sessionTtlMs: number;
  /** Browser origins allowed to open /graphql (HTTP and WebSocket). No Origin header is allowed. */
  readonly allowedOrigins: readonly string[];
  /** Built PWA folder served at /, when it exists. */
  readonly staticDir: string | undefined;
  readonly maxFrameBytes: number;
  readonly maxHttpBodyBytes: number;
  readonly maxBlobBytes: number;
  readonly connectionInitTimeoutMs: number;
  readonly maxQueryDepth: number;
  readonly maxQueryTokens: number;
  readonly maxAliases: number;
  readonly maxSubscriptionsPerConnection: number;
  /** A socket with more than this many bytes queued gets no live pushes (it must resync). */
  readonly backpressureBytes: number;
  readonly rateLimits: RateLimitConfig;
}

export function defaultRelayConfig(port: number, overrides: Partial<RelayConfig> = {}): RelayConfig {
  return {
    siweDomain: `localhost:${port}`,
    siweUri: `http://localhost:${port}`,
    chainId: 1,
    nonceTtlMs: 5 * 60_000,
    sessionTtlMs: 7 * 24 * 3600_000,
    allowedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
    staticDir: undefined,
    maxFrameBytes: MAX_FRAME_BYTES,
    maxHttpBodyBytes: MAX_FRAME_BYTES,
    maxBlobBytes: MAX_BLOB_BYTES,
    connectionInitTimeoutMs: 10_000,
    maxQueryDepth: 8,
    maxQueryTokens: 2_000,
    maxAliases: 10,
    maxSubscriptionsPerConnection: 4,
    backpressureBytes: 1024 * 1024,
    rateLimits: { walletPerMinute: 600, ipPerMinute: 1_200, connectionPer10s: 200 },
    ...overrides,
  };
}

const int = (min: number) => z.coerce.number().int().min(min);

const Env = z.object({
  PORT: int(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  REDIS_CHANNEL: z.string().min(1).max(100).default('parley:v1:events'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.url().optional(),
  CHAIN_ID: int(1).default(1),
  ALLOWED_ORIGINS: z.string().optional(),
  STATIC_DIR: z.string().optional(),
  SESSION_TTL_MS: int(60_000).default(7 * 24 * 3600_000),
  MAX_BLOB_BYTES: int(1).optional(),
  RATE_WALLET_PER_MINUTE: int(1).default(600),
  RATE_IP_PER_MINUTE: int(1).default(1_200),
  RATE_CONNECTION_PER_10S: int(1).default(200),
  BACKPRESSURE_BYTES: int(1024).default(1024 * 1024),
});

export interface EnvConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /** Cluster mode: fan-out and shared rate limits through Redis (needs databaseUrl). */
  readonly redisUrl: string | undefined;
  readonly redisChannel: string;
  readonly logLevel: string;
  readonly relay: RelayConfig;
}

/** Parses the environment; throws a zod error naming the bad variable. */
export function parseEnv(env: Record<string, string | undefined>, defaultStaticDir?: string): EnvConfig {
  const e = Env.parse(env);
  if (e.REDIS_URL !== undefined && e.DATABASE_URL === undefined) {
    // Several relays must share one database; PGlite is a folder only one process can open.
    throw new Error('REDIS_URL (cluster mode) needs DATABASE_URL: every relay must share PostgreSQL');
  }
  const publicUrl = e.PUBLIC_URL === undefined ? undefined : new URL(e.PUBLIC_URL);
  const base = defaultRelayConfig(e.PORT);
  const origins =
    e.ALLOWED_ORIGINS?.split(',')
      .map((o) => o.trim())
      .filter((o) => o.length > 0) ??
    (publicUrl ? [publicUrl.origin, ...base.allowedOrigins] : base.allowedOrigins);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisChannel: e.REDIS_CHANNEL,
    logLevel: e.LOG_LEVEL,
    relay: {
      ...base,
      siweDomain: publicUrl?.host ?? base.siweDomain,
      siweUri: publicUrl?.origin ?? base.siweUri,
      chainId: e.CHAIN_ID,
      allowedOrigins: origins,
      staticDir: e.STATIC_DIR ?? defaultStaticDir,
      sessionTtlMs: e.SESSION_TTL_MS,
      maxBlobBytes: e.MAX_BLOB_BYTES ?? base.maxBlobBytes,
      backpressureBytes: e.BACKPRESSURE_BYTES,
      rateLimits: {
        walletPerMinute: e.RATE_WALLET_PER_MINUTE,
        ipPerMinute: e.RATE_IP_PER_MINUTE,
        connectionPer10s: e.RATE_CONNECTION_PER_10S,
      },
    },
  };
}

import { describe, expect, it } from 'vitest';
import { parseEnv } from './config';

describe('parseEnv', () => {
  it('runs with no variables at all: port 8787, PGlite in ./data, loopback', () => {
    const c = parseEnv({});
    expect([c.port, c.host, c.dataDir, c.databaseUrl]).toEqual([8787, '127.0.0.1', './data', undefined]);
    expect([c.relay.siweDomain, c.relay.siweUri, c.relay.chainId]).toEqual([
      'localhost:8787',
      'http://localhost:8787',
      1,
    ]);
    expect(c.relay.allowedOrigins).toEqual(['http://localhost:8787', 'http://127.0.0.1:8787']);
  });

  it('derives the SIWE domain and URI from PUBLIC_URL and adds it to the allowlist', () => {
    const c = parseEnv({ PUBLIC_URL: 'https://chat.example.com', PORT: '9000', CHAIN_ID: '10' });
    expect([c.relay.siweDomain, c.relay.siweUri, c.relay.chainId]).toEqual([
      'chat.example.com',
      'https://chat.example.com',
      10,
    ]);
    expect(c.relay.allowedOrigins[0]).toBe('https://chat.example.com');
    expect(
      parseEnv({ ALLOWED_ORIGINS: 'https://a.example, https://b.example' }).relay.allowedOrigins,
    ).toEqual(['https://a.example', 'https://b.example']);
  });

  it('refuses a bad value, naming the variable', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => parseEnv({ REDIS_URL: 'http://x', DATABASE_URL: 'postgres://x' })).toThrow(/REDIS_URL/);
  });

  it('takes cluster mode only with PostgreSQL: REDIS_URL alone is refused', () => {
    expect(() => parseEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/needs DATABASE_URL/);
    const c = parseEnv({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://p@h/db' });
    expect([c.redisUrl, c.redisChannel]).toEqual(['redis://127.0.0.1:6379', 'parley:v1:events']);
    expect(parseEnv({}).redisUrl).toBeUndefined();
  });
});

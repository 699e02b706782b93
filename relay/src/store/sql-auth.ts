// Nonces, sessions and device challenges. Single-use values are consumed with one
// DELETE ... RETURNING, which is atomic: of two concurrent consumers exactly one gets the row.

import { Coalescer, type Settled } from './coalescer';
import { SessionByHashRow } from './rows';
import type { SqlDb } from './sql-db';
import { sqlRows } from './sql-literal';
import type { RelayStore, Session } from './store';

type AuthPart = Pick<
  RelayStore,
  | 'putNonce'
  | 'consumeNonce'
  | 'createSession'
  | 'findSession'
  | 'revokeSession'
  | 'revokeDeviceSessions'
  | 'putDeviceChallenge'
  | 'consumeDeviceChallenge'
>;

interface Lookup {
  readonly tokenHash: string;
  readonly now: number;
}

/**
 * Every WebSocket operation re-checks its session, so lookups are as frequent as operations:
 * the ones that arrive while a lookup runs share the next one (one statement for all of them).
 * Each lookup still reads the table after it was asked, so a revocation committed before it is
 * seen, and each is judged against its own `now`.
 */
async function lookupSessions(
  db: SqlDb,
  lookups: readonly Lookup[],
): Promise<Settled<Session | undefined>[]> {
  const hashes = [...new Set(lookups.map((l) => l.tokenHash))].map((h) => [h]);
  const [rows] = await db.script(
    `SELECT token_hash, address, device_id, created_at, expires_at FROM sessions
     WHERE revoked_at IS NULL AND token_hash IN (${sqlRows(hashes)})`,
  );
  const found = new Map<string, Session>();
  for (const row of rows ?? []) {
    const r = SessionByHashRow.parse(row);
    found.set(r.token_hash, {
      address: r.address,
      deviceId: r.device_id,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    });
  }
  return lookups.map((l) => {
    const s = found.get(l.tokenHash);
    return { ok: true, value: s !== undefined && s.expiresAt > l.now ? s : undefined };
  });
}

export function sqlAuth(db: SqlDb): AuthPart {
  const sessions = new Coalescer<Lookup, Session | undefined>((l) => lookupSessions(db, l), 512);
  return {
    async putNonce(nonce, address, expiresAt) {
      await db.query('INSERT INTO siwe_nonces (nonce, address, expires_at) VALUES ($1, $2, $3)', [
        nonce,
        address,
        expiresAt,
      ]);
    },
    async consumeNonce(nonce, address, now) {
      const rows = await db.query('DELETE FROM siwe_nonces WHERE nonce = $1 RETURNING address, expires_at', [
        nonce,
      ]);
      const row = rows[0];
      // Deleted either way: an expired or mismatched nonce is burnt, not left for another try.
      return row !== undefined && row.address === address && Number(row.expires_at) > now;
    },
    async createSession(tokenHash, s) {
      await db.query(
        'INSERT INTO sessions (token_hash, address, device_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [tokenHash, s.address, s.deviceId, s.createdAt, s.expiresAt],
      );
    },
    findSession(tokenHash, now) {
      return sessions.submit({ tokenHash, now });
    },
    async revokeSession(tokenHash, now) {
      await db.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [
        tokenHash,
        now,
      ]);
    },
    async revokeDeviceSessions(address, deviceId, now) {
      await db.query(
        'UPDATE sessions SET revoked_at = $3 WHERE address = $1 AND device_id = $2 AND revoked_at IS NULL',
        [address, deviceId, now],
      );
    },
    async putDeviceChallenge(challenge, address, deviceId, expiresAt) {
      await db.query(
        'INSERT INTO device_challenges (challenge, address, device_id, expires_at) VALUES ($1, $2, $3, $4)',
        [challenge, address, deviceId, expiresAt],
      );
    },
    async consumeDeviceChallenge(challenge, address, deviceId, now) {
      const rows = await db.query(
        'DELETE FROM device_challenges WHERE challenge = $1 RETURNING address, device_id, expires_at',
        [challenge],
      );
      const row = rows[0];
      return (
        row !== undefined &&
        row.address === address &&
        row.device_id === deviceId &&
        Number(row.expires_at) > now
      );
    },
  };
}

// Nonces, sessions and device challenges. Single-use values are consumed with one
// DELETE ... RETURNING, which is atomic: of two concurrent consumers exactly one gets the row.

import { SessionRow } from './rows';
import type { SqlDb } from './sql-db';
import type { RelayStore } from './store';

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

export function sqlAuth(db: SqlDb): AuthPart {
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
    async findSession(tokenHash, now) {
      const rows = await db.query(
        `SELECT address, device_id, created_at, expires_at FROM sessions
         WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
        [tokenHash, now],
      );
      if (rows[0] === undefined) return undefined;
      const r = SessionRow.parse(rows[0]);
      return { address: r.address, deviceId: r.device_id, createdAt: r.created_at, expiresAt: r.expires_at };
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

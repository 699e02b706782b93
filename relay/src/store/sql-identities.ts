// Device logs, the device table derived from them, and prekeys.
import { ProtocolError } from '@parley/protocol';
import { CountRow, DeviceRow, EntryRow, OneTimeRow, SignedPrekeyRow } from './rows';
import { isUniqueViolation, type SqlDb } from './sql-db';
import type { RelayStore } from './store';

type IdentityPart = Pick<
  RelayStore,
  'getDeviceLog' | 'appendDeviceLog' | 'getDevice' | 'putPrekeys' | 'claimPrekeyBundle'
>;

export function sqlIdentities(db: SqlDb): IdentityPart {
  return {
    async getDeviceLog(address) {
      const rows = await db.query('SELECT entry FROM device_log_entries WHERE address = $1 ORDER BY idx', [
        address,
      ]);
      return rows.map((r) => EntryRow.parse(r).entry);
    },
    async appendDeviceLog(address, expectedLength, entries, devices) {
      try {
        await db.transaction(async (tx) => {
          const count = CountRow.parse(
            (await tx.query('SELECT count(*) AS n FROM device_log_entries WHERE address = $1', [address]))[0],
          ).n;
          if (count !== expectedLength) throw new ProtocolError('conflict', 'the device log head has moved');
          for (const [i, entry] of entries.entries()) {
            // A concurrent writer appending the same index hits the primary key: conflict.
            await tx.query('INSERT INTO device_log_entries (address, idx, entry) VALUES ($1, $2, $3)', [
              address,
              expectedLength + i,
              entry,
            ]);
          }
          for (const d of devices) {
            await tx.query(
              `INSERT INTO devices (address, device_id, signing_key, active) VALUES ($1, $2, $3, $4)
               ON CONFLICT (address, device_id) DO UPDATE SET signing_key = $3, active = $4`,
              [address, d.deviceId, d.signingKey, d.active],
            );
          }
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ProtocolError('conflict', 'the device log head has moved');
        throw error;
      }
    },
    async getDevice(address, deviceId) {
      const rows = await db.query(
        'SELECT device_id, signing_key, active FROM devices WHERE address = $1 AND device_id = $2',
        [address, deviceId],
      );
      if (rows[0] === undefined) return undefined;
      const r = DeviceRow.parse(rows[0]);
      return { deviceId: r.device_id, signingKey: r.signing_key, active: r.active };
    },
    async putPrekeys(address, deviceId, signedPrekey, oneTime) {
      await db.transaction(async (tx) => {
        if (signedPrekey !== undefined) {
          await tx.query(
            `INSERT INTO signed_prekeys (address, device_id, bundle) VALUES ($1, $2, $3)
             ON CONFLICT (address, device_id) DO UPDATE SET bundle = $3`,
            [address, deviceId, signedPrekey],
          );
        }
        for (const k of oneTime) {
          // A key id already published (or already claimed and re-sent) is ignored, never replaced.
          await tx.query(
            `INSERT INTO one_time_prekeys (address, device_id, key_id, public_key) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING`,
            [address, deviceId, k.keyId, k.publicKey],
          );
        }
      });
    },
    async claimPrekeyBundle(address, deviceId) {
      const signed = await db.query(
        'SELECT bundle FROM signed_prekeys WHERE address = $1 AND device_id = $2',
        [address, deviceId],
      );
      if (signed[0] === undefined) return undefined;
      const { bundle } = SignedPrekeyRow.parse(signed[0]);
      // SKIP LOCKED lets concurrent claimers take different keys instead of queueing on one.
      const claimed = await db.query(
        `DELETE FROM one_time_prekeys WHERE (address, device_id, key_id) IN (
           SELECT address, device_id, key_id FROM one_time_prekeys
           WHERE address = $1 AND device_id = $2 ORDER BY key_id LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING key_id, public_key`,
        [address, deviceId],
      );
      const row = claimed[0] === undefined ? undefined : OneTimeRow.parse(claimed[0]);
      return {
        address,
        deviceId,
        signedPrekey: bundle,
        oneTimePrekey: row === undefined ? undefined : { keyId: row.key_id, publicKey: row.public_key },
      };
    },
  };
}

// Sealed attachment blobs, content-addressed: the id is the SHA-256 of the bytes, so a second
// upload of the same bytes stores nothing new.
import { BlobRow } from './rows';
import type { SqlDb } from './sql-db';
import type { RelayStore } from './store';

export function sqlBlobs(db: SqlDb): Pick<RelayStore, 'putBlob' | 'getBlob'> {
  return {
    async putBlob(id, data, owner, now) {
      await db.query(
        `INSERT INTO blobs (id, owner, size, created_at, data) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING`,
        [id, owner, data.length, now, data],
      );
    },
    async getBlob(id) {
      const rows = await db.query('SELECT data FROM blobs WHERE id = $1', [id]);
      return rows[0] === undefined ? undefined : new Uint8Array(BlobRow.parse(rows[0]).data);
    },
  };
}

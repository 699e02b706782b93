// Catching up from the stored cursor, page by page (DESIGN.md §3 "Sync after being offline"). Each
// page is applied and its cursor stored in the same transaction, so a crash mid-way resumes from
// the last page that was written, and no page is applied twice.
import type { ParleyDatabase } from '../store/database';
import type { RelayApi } from '../transport/relay-api';
import { type ApplyDeps, type ApplyResult, applyEnvelopes } from './apply';

/**
 * Envelopes per catch-up page: the relay's maximum (`first` is capped at 500). Each page costs a
 * relay round trip, an exclusive crypto section, one IndexedDB transaction (with its fixed round
 * trips and commit) and one refresh of every live query the UI holds, so fewer, larger pages catch
 * up faster (bench/web/catch-up.bench.ts). A page holds at most 500 bodies of
 * MAX_ENVELOPE_BODY_BYTES; a page of ordinary messages is a few hundred KiB.
 */
export const CATCH_UP_PAGE = 500;

export async function storedCursor(db: ParleyDatabase): Promise<string | undefined> {
  const row = await db.sync.get('cursor');
  return typeof row?.value === 'string' ? row.value : undefined;
}

/**
 * Applies every page after the stored cursor. `progress` gets the running count; the relay does
 * not say how many are left, so `total` grows with each page that has more.
 */
export async function catchUp(
  deps: ApplyDeps,
  api: RelayApi,
  onPage: (result: ApplyResult, done: number, more: boolean) => void,
  isStopped: () => boolean,
  pageSize = CATCH_UP_PAGE,
): Promise<number> {
  const cursor = await storedCursor(deps.db);
  let done = 0;
  // The next page is fetched while this one is applied: its cursor is known as soon as this page
  // arrives, and the relay and the local work overlap.
  let next = api.catchUp(cursor, pageSize);
  for (;;) {
    const page = await next;
    if (isStopped()) return done;
    const more = page.hasMore && page.items.length > 0;
    if (more) {
      next = api.catchUp(page.cursor, pageSize);
      next.catch(() => undefined);
    }
    const result = await applyEnvelopes(deps, page.items, { cursor: page.cursor });
    done += page.items.length;
    onPage(result, done, more);
    if (!more) return done;
  }
}

// Local conversation rows for conversations the relay says this account is in. A DM or group that
// another member created shows up first as a `create` membership event or as an envelope in a
// conversation this device has not seen: either way it is looked up once and stored.
import type { ParleyDatabase } from '../store/database';
import type { ConversationRow, MemberRow } from '../store/schema';
import type { RelayApi } from '../transport/relay-api';
import type { ConversationOut, MemberOut } from '../transport/relay-schemas';

export const MEMBER_PAGE = 100;

export class ConversationDirectory {
  private readonly inFlight = new Map<string, Promise<ConversationRow>>();

  constructor(
    private readonly db: ParleyDatabase,
    private readonly api: RelayApi,
    private readonly me: string,
  ) {}

  /** The stored row, or the relay's (stored first). */
  async ensure(id: string): Promise<ConversationRow> {
    const row = await this.db.conversations.get(id);
    if (row) return row;
    const running = this.inFlight.get(id);
    if (running) return running;
    const job = (async () => this.store(await this.api.conversation(id)))().finally(() =>
      this.inFlight.delete(id),
    );
    this.inFlight.set(id, job);
    return job;
  }

  /** Stores (or refreshes the relay fields of) a conversation and its first page of members. */
  async store(c: ConversationOut, name?: string): Promise<ConversationRow> {
    const page = await this.api.members(c.id, MEMBER_PAGE, undefined);
    const peer = c.kind === 'dm' ? page.items.find((m) => m.address !== this.me)?.address : undefined;
    return this.db.transaction('rw', this.db.conversations, this.db.members, async () => {
      const existing = await this.db.conversations.get(c.id);
      const row: ConversationRow = existing
        ? { ...existing, myRole: c.myRole, ...(name === undefined ? {} : { name }) }
        : {
            id: c.id,
            kind: c.kind,
            ...(peer === undefined ? {} : { peer }),
            ...(name === undefined ? {} : { name }),
            createdBy: c.createdBy,
            myRole: c.myRole,
            active: true,
            lastMessageAt: c.createdAt,
            unreadCount: 0,
            appliedSeq: 0,
            aheadSeqs: [],
            readSeq: 0,
          };
      await this.db.conversations.put(row);
      await this.putMembers(c.id, page.items);
      return row;
    });
  }

  /** The next page of members after `after` (lazy paging for the member list). */
  async loadMembers(
    conversationId: string,
    after: string | undefined,
  ): Promise<{ hasMore: boolean; next?: string }> {
    const page = await this.api.members(conversationId, MEMBER_PAGE, after);
    await this.db.transaction('rw', this.db.members, () => this.putMembers(conversationId, page.items));
    return { hasMore: page.hasMore, ...(page.next === undefined ? {} : { next: page.next }) };
  }

  private async putMembers(conversationId: string, items: readonly MemberOut[]): Promise<void> {
    const rows: MemberRow[] = items.map((m) => ({ conversationId, address: m.address, role: m.role }));
    await this.db.members.bulkPut(rows);
  }
}

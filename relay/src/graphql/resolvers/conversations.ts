// DMs and groups: create, list mine, read one, page through members.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Address, groupGenesisHashInput, Id16, ProtocolError } from '../../deps/protocol';
import { addressTopic } from '../../pubsub/pubsub';
import type { ConversationRecord, Role } from '../../store/store';
import { first } from '../args';
import type { Services } from '../context';
import { requireMember } from '../membership';
import type { Resolvers } from './types';

const ListArgs = z.object({ first: first(200, 50), after: Id16.nullish() });
const MembersArgs = z.object({ conversationId: Id16, first: first(500, 100), after: Address.nullish() });
const IdArgs = z.object({ id: Id16 });
const DmArgs = z.object({ peer: Address });

const withRole = (c: ConversationRecord, myRole: Role) => ({ ...c, myRole });

async function create(
  s: Services,
  kind: 'dm' | 'group',
  me: string,
  members: readonly string[],
  dmKey?: string,
) {
  const id = randomBytes(16).toString('hex');
  const stateHash = createHash('sha256').update(groupGenesisHashInput(id, me)).digest('hex');
  const role: Role = kind === 'group' ? 'admin' : 'member';
  const conv = await s.store.createConversation(
    { id, kind, createdBy: me, createdAt: s.clock.now(), stateHash },
    members.map((address) => ({ address, role: address === me ? role : 'member' })),
    dmKey,
  );
  if (conv.id === id) {
    for (const address of members) {
      await s.pubsub.publish(addressTopic(address), {
        type: 'created',
        conversationId: id,
        stateHash,
        members,
      });
    }
  }
  return conv;
}

export const conversationResolvers: Resolvers = {
  Query: {
    conversations: async (_, args, ctx) => {
      const me = ctx.requireSession().address;
      const a = ListArgs.parse(args);
      const page = await ctx.services.store.listConversations(me, a.after ?? undefined, a.first);
      const items = await Promise.all(
        page.items.map(async (c) => withRole(c, (await requireMember(ctx.services.store, c.id, me)).role)),
      );
      return { items, hasMore: page.hasMore, next: items.at(-1)?.id ?? null };
    },
    conversation: async (_, args, ctx) => {
      const me = ctx.requireSession().address;
      const { id } = IdArgs.parse(args);
      const member = await requireMember(ctx.services.store, id, me);
      const conv = await ctx.services.store.getConversation(id);
      if (conv === undefined) throw new ProtocolError('not_found', 'no such conversation');
      return withRole(conv, member.role);
    },
    members: async (_, args, ctx) => {
      const me = ctx.requireSession().address;
      const a = MembersArgs.parse(args);
      await requireMember(ctx.services.store, a.conversationId, me);
      const page = await ctx.services.store.listMembers(a.conversationId, a.after ?? undefined, a.first);
      return { items: page.items, hasMore: page.hasMore, next: page.items.at(-1)?.address ?? null };
    },
  },
  Mutation: {
    createDm: async (_, args, ctx) => {
      const me = ctx.requireSession().address;
      const { peer } = DmArgs.parse(args);
      if (peer === me) throw new ProtocolError('bad_request', 'a DM needs another address');
      const conv = await create(ctx.services, 'dm', me, [me, peer], [me, peer].sort().join(':'));
      return withRole(conv, 'member');
    },
    createGroup: async (_, __, ctx) => {
      const me = ctx.requireSession().address;
      return withRole(await create(ctx.services, 'group', me, [me]), 'admin');
    },
  },
};

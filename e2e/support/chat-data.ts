// A believable signed-in state: a handful of conversations and one thread that shows every
// message state the UI draws (day separators, ticks, failed with Retry, unverified).
import type { AccountRow, ConversationRow, MessageRow } from '../../packages/engine/src/store/schema';

export const PEERS = {
  whale: '0x8ba1f109551bd432803012645ac136ddd64dba72',
  desk: '0x2546bcd3c84621e976d8185a91a922ae77ecec30',
  punk: '0xbcd4042de499d14e55001ccbb24a551f3b954096',
  otc: '0x71be63f3384f5fb98995898a86b02fb2426c5788',
} as const;

export const THREAD_ID = 'a1'.repeat(16);
const DAY = 86_400_000;

function id(n: number): string {
  return n.toString(16).padStart(32, '0');
}

export function chatData(me: string, now = Date.now()) {
  const account: AccountRow = {
    id: 'me',
    address: me,
    deviceId: 'de'.repeat(16),
    linked: true,
    createdAt: now - 30 * DAY,
  };
  const conversations: ConversationRow[] = [
    {
      id: THREAD_ID,
      kind: 'dm',
      peer: PEERS.whale,
      lastMessageAt: now - 60_000,
      lastMessagePreview: 'Sounds good, sending the offer now',
      unreadCount: 2,
      appliedSeq: 9,
      readSeq: 7,
    },
    {
      id: 'b2'.repeat(16),
      kind: 'group',
      name: 'OTC desk',
      lastMessageAt: now - 3 * 3_600_000,
      lastMessagePreview: 'Who has size on the ETH/USDC block?',
      unreadCount: 14,
      appliedSeq: 40,
      readSeq: 26,
    },
    {
      id: 'c3'.repeat(16),
      kind: 'dm',
      peer: PEERS.punk,
      name: 'punk4156.eth',
      lastMessageAt: now - 2 * DAY,
      lastMessagePreview: 'Floor is moving, let me know by Friday',
      unreadCount: 0,
      appliedSeq: 3,
      readSeq: 3,
    },
    {
      id: 'd4'.repeat(16),
      kind: 'dm',
      peer: PEERS.otc,
      lastMessageAt: now - 20 * DAY,
      lastMessagePreview: 'gm',
      unreadCount: 0,
      appliedSeq: 1,
      readSeq: 1,
    },
  ];

  let n = 0;
  const msg = (p: Partial<MessageRow> & { body?: string; ago: number }): MessageRow => {
    n++;
    const { body, ago, ...rest } = p;
    return {
      clientId: id(n),
      conversationId: THREAD_ID,
      senderAddress: PEERS.whale,
      senderDevice: 'ab'.repeat(16),
      sentAt: now - ago,
      serverTime: rest.seq === undefined ? undefined : now - ago + 150,
      status: 'delivered',
      content: { type: 'text', body: body ?? `message ${n}` },
      ...rest,
    } as MessageRow;
  };
  const messages: MessageRow[] = [
    msg({ seq: 1, ago: 2 * DAY + 3_600_000, body: 'Hey, saw your bid on the Azuki. Still interested?' }),
    msg({ seq: 2, ago: 2 * DAY + 3_500_000, senderAddress: me, status: 'read', body: 'Yes. 12.5 ETH firm.' }),
    msg({ seq: 3, ago: 2 * DAY + 3_400_000, body: 'I can do 13.2 with the trait bundle.' }),
    msg({
      seq: 4,
      ago: DAY + 600_000,
      status: 'unverified',
      reason: 'The signature does not match the sender’s device.',
      content: { type: 'text', body: 'SEND FUNDS HERE 0xdead…' },
    }),
    msg({
      seq: 5,
      ago: DAY + 500_000,
      senderAddress: me,
      status: 'read',
      body: 'Meet in the middle at 12.8?',
    }),
    msg({ seq: 6, ago: 7_200_000, body: 'Let me check with my partner.' }),
    msg({ seq: 7, ago: 7_100_000, body: 'Ok 12.8 works. Escrow or Seaport?' }),
    msg({
      seq: 8,
      ago: 300_000,
      senderAddress: me,
      status: 'delivered',
      body: 'Seaport. I will send a signed offer here.',
    }),
    msg({ seq: 9, ago: 60_000, body: 'Sounds good, sending the offer now' }),
    msg({ ago: 30_000, senderAddress: me, status: 'sent', body: 'Great 👍' }),
    msg({
      ago: 20_000,
      senderAddress: me,
      status: 'failed',
      reason: 'the relay refused the message (rate limit)',
      body: 'Also: can you include the two floor ones?',
    }),
    msg({ ago: 5_000, senderAddress: me, status: 'pending', body: 'Sending…' }),
  ];
  return { account, conversations, messages };
}

/** `count` plain messages in one conversation, for the virtualisation test. */
export function manyMessages(
  me: string,
  conversationId: string,
  count: number,
  now = Date.now(),
): MessageRow[] {
  return Array.from({ length: count }, (_, i) => ({
    clientId: `f${id(i).slice(1)}`,
    conversationId,
    senderAddress: i % 3 === 0 ? me : PEERS.desk,
    senderDevice: 'cd'.repeat(16),
    seq: i + 1,
    sentAt: now - (count - i) * 60_000,
    serverTime: now - (count - i) * 60_000,
    status: 'read',
    content: {
      type: 'text',
      body: `Line ${i + 1}${i % 7 === 0 ? '\nwith a second line that makes this bubble taller' : ''}`,
    },
  }));
}

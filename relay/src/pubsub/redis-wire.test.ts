import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RelayEvent } from './pubsub';
import { fromWire, toWire } from './redis-wire';

const id = () => randomBytes(16).toString('hex');
const address = () => `0x${randomBytes(20).toString('hex')}`;

describe('Redis wire messages', () => {
  it('carries where an envelope or control is, never its body, control text or wraps', () => {
    const conversationId = id();
    const envelope: RelayEvent = {
      type: 'envelope',
      envelope: {
        conversationId,
        seq: 7,
        position: 912,
        clientId: id(),
        senderAddress: address(),
        senderDevice: id(),
        serverTime: 1,
        body: 'c2VjcmV0',
        recipientDevice: undefined,
        copies: [{ recipientDevice: id(), body: 'Y29weQ' }],
      },
    };
    const control: RelayEvent = {
      type: 'control',
      conversationId,
      action: 'rotate',
      targets: [],
      stateHash: 'ab'.repeat(32),
      index: 3,
      control: '{"action":"rotate"}',
      wraps: [{ recipientDevice: id(), body: 'd3JhcA' }],
    };
    const env = JSON.stringify(toWire('r1', `conv:${conversationId}`, envelope));
    const ctl = JSON.stringify(toWire('r1', `conv:${conversationId}`, control));
    for (const secret of ['c2VjcmV0', 'Y29weQ', 'd3JhcA', 'rotate']) {
      expect(env).not.toContain(secret);
      expect(ctl).not.toContain(secret);
    }
    expect(fromWire(env)).toEqual({
      k: 'env',
      o: 'r1',
      t: `conv:${conversationId}`,
      c: conversationId,
      s: 7,
      p: 912,
    });
    expect(fromWire(ctl)).toEqual({
      k: 'ctl',
      o: 'r1',
      t: `conv:${conversationId}`,
      c: conversationId,
      i: 3,
    });
    expect(toWire('r1', 'session:x', { type: 'resync' })).toBeUndefined();
  });

  it('round-trips the metadata-only events whole', () => {
    const events: RelayEvent[] = [
      { type: 'created', conversationId: id(), stateHash: 'cd'.repeat(32), members: [address(), address()] },
      {
        type: 'signal',
        conversationId: id(),
        kind: 'typing',
        active: true,
        fromAddress: address(),
        fromDevice: id(),
      },
      { type: 'revoked' },
    ];
    for (const e of events) {
      expect(fromWire(JSON.stringify(toWire('r2', 'addr:x', e)))).toEqual({
        k: 'evt',
        o: 'r2',
        t: 'addr:x',
        e,
      });
    }
  });

  it('drops malformed messages', () => {
    const good = { k: 'env', o: 'r', t: 'conv:x', c: id(), s: 1, p: 1 };
    for (const bad of [
      'not json',
      '[]',
      JSON.stringify({ ...good, k: 'body' }),
      JSON.stringify({ ...good, c: 'ZZ' }),
      JSON.stringify({ ...good, s: -1 }),
      JSON.stringify({ ...good, p: 1.5 }),
      JSON.stringify({ k: 'evt', o: 'r', t: 'x', e: { type: 'envelope' } }),
      JSON.stringify({
        k: 'evt',
        o: 'r',
        t: 'x',
        e: { type: 'signal', conversationId: id(), kind: 'shout' },
      }),
    ]) {
      expect(fromWire(bad)).toBeUndefined();
    }
    expect(fromWire(JSON.stringify(good))).toEqual(good);
  });
});

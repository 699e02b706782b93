// Conversations and group control messages against a real relay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, kindOf, op } from './helpers/client';
import { control, createGroup, signedControl } from './helpers/groups';
import { type Harness, startRelay } from './helpers/harness';
import { newDevice, newIdentity, publishLog } from './helpers/identity';

let h: Harness;
beforeAll(async () => {
  h = await startRelay();
});
afterAll(async () => {
  await h.close();
});

type ConvPage = {
  conversations: { items: Array<{ id: string; myRole: string }>; hasMore: boolean; next: string | null };
};
type MemberPage = {
  members: { items: Array<{ address: string; role: string }>; hasMore: boolean; next: string | null };
};

describe('conversations', () => {
  it('creates one DM per pair and lists it for both', async () => {
    const a = await newIdentity(h.url);
    const b = await newIdentity(h.url);
    const d1 = await gql<{ createDm: { id: string; kind: string } }>(
      h.url,
      op.createDm,
      { peer: b.address },
      a.token,
    );
    const d2 = await gql<{ createDm: { id: string } }>(h.url, op.createDm, { peer: a.address }, b.token);
    expect(d2.createDm.id).toBe(d1.createDm.id);
    expect(d1.createDm.kind).toBe('dm');
    const list = await gql<ConvPage>(h.url, op.conversations, {}, b.token);
    expect(list.conversations.items.map((c) => c.id)).toEqual([d1.createDm.id]);
    expect(await kindOf(gql(h.url, op.createDm, { peer: a.address }, a.token))).toBe('bad_request');
  });

  it('pages through my conversations and a group’s members', async () => {
    const admin = await newIdentity(h.url);
    await publishLog(h.url, admin);
    const g = await createGroup(h.url, admin);
    await createGroup(h.url, admin);
    const others = await Promise.all(Array.from({ length: 5 }, () => newIdentity(h.url)));
    await control(
      h.url,
      admin,
      g,
      'add',
      others.map((o) => o.address),
    );
    const p1 = await gql<ConvPage>(h.url, op.conversations, { first: 1 }, admin.token);
    expect(p1.conversations.hasMore).toBe(true);
    const p2 = await gql<ConvPage>(
      h.url,
      op.conversations,
      { first: 1, after: p1.conversations.next },
      admin.token,
    );
    expect(p2.conversations.hasMore).toBe(false);
    expect(p1.conversations.items[0]?.myRole).toBe('admin');
    const m1 = await gql<MemberPage>(h.url, op.members, { conversationId: g.id, first: 4 }, admin.token);
    const m2 = await gql<MemberPage>(
      h.url,
      op.members,
      { conversationId: g.id, first: 4, after: m1.members.next },
      admin.token,
    );
    const all = [...m1.members.items, ...m2.members.items];
    expect(all.map((m) => m.address).sort()).toEqual([admin.address, ...others.map((o) => o.address)].sort());
    expect(all.find((m) => m.address === admin.address)?.role).toBe('admin');
  });
});

describe('group control messages', () => {
  it('applies add, promote, demote, rotate and remove in order, each on the previous state', async () => {
    const admin = await newIdentity(h.url);
    await publishLog(h.url, admin);
    const bob = await newIdentity(h.url);
    const g = await createGroup(h.url, admin);
    const c0 = await control(
      h.url,
      admin,
      g,
      'add',
      [bob.address],
      [{ recipientDevice: bob.device.deviceId, body: 'd3JhcA' }],
    );
    expect(c0.index).toBe(0);
    // The relay's state hash is SHA-256(label || prev || control bytes), as the client computes it.
    expect(c0.stateHash).toBe(c0.expectedHash);
    await control(h.url, admin, g, 'promote', [bob.address]);
    await control(h.url, admin, g, 'demote', [bob.address]);
    await control(h.url, admin, g, 'rotate', []);
    const c4 = await control(h.url, admin, g, 'remove', [bob.address]);
    expect(c4.index).toBe(4);
    type Controls = {
      groupControls: { items: Array<{ index: number; wrap: string | null; control: string }> };
    };
    const list = await gql<Controls>(h.url, op.groupControls, { conversationId: g.id }, admin.token);
    expect(list.groupControls.items.map((c) => JSON.parse(c.control).action)).toEqual([
      'add',
      'promote',
      'demote',
      'rotate',
      'remove',
    ]);
    expect(await kindOf(gql(h.url, op.history, { conversationId: g.id }, bob.token))).toBe('forbidden');
  });

  it('serves each device only its own key wrap', async () => {
    const admin = await newIdentity(h.url);
    await publishLog(h.url, admin);
    const bob = await newIdentity(h.url);
    const g = await createGroup(h.url, admin);
    await control(
      h.url,
      admin,
      g,
      'add',
      [bob.address],
      [{ recipientDevice: bob.device.deviceId, body: 'Ym9i' }],
    );
    type Controls = { groupControls: { items: Array<{ wrap: string | null }> } };
    const forBob = await gql<Controls>(h.url, op.groupControls, { conversationId: g.id }, bob.token);
    expect(forBob.groupControls.items.map((c) => c.wrap)).toEqual(['Ym9i']);
    const forAdmin = await gql<Controls>(h.url, op.groupControls, { conversationId: g.id }, admin.token);
    expect(forAdmin.groupControls.items.map((c) => c.wrap)).toEqual([null]);
  });

  it('refuses a non-admin signer, a bad signature, a stale state and a device not in the log', async () => {
    const admin = await newIdentity(h.url);
    await publishLog(h.url, admin);
    const bob = await newIdentity(h.url);
    await publishLog(h.url, bob);
    const carol = await newIdentity(h.url);
    const g = await createGroup(h.url, admin);
    await control(h.url, admin, g, 'add', [bob.address]);

    const byBob = await signedControl(bob, g, 'add', [carol.address]);
    expect(await kindOf(gql(h.url, op.groupControl, { control: byBob.control, wraps: [] }, bob.token))).toBe(
      'forbidden',
    );

    const wrongKey = await signedControl(
      admin,
      g,
      'add',
      [carol.address],
      (await newDevice()).signingPrivateKey,
    );
    expect(
      await kindOf(gql(h.url, op.groupControl, { control: wrongKey.control, wraps: [] }, admin.token)),
    ).toBe('bad_signature');

    const stale = await signedControl(admin, { id: g.id, stateHash: 'ab'.repeat(32) }, 'add', [
      carol.address,
    ]);
    expect(
      await kindOf(gql(h.url, op.groupControl, { control: stale.control, wraps: [] }, admin.token)),
    ).toBe('conflict');

    const unlinked = await newIdentity(h.url);
    const g2 = await createGroup(h.url, unlinked);
    const noLog = await signedControl(unlinked, g2, 'add', [carol.address]);
    expect(
      await kindOf(gql(h.url, op.groupControl, { control: noLog.control, wraps: [] }, unlinked.token)),
    ).toBe('forbidden');

    // Two controls signed on one state: the relay orders them, the second is a conflict.
    const x = await signedControl(admin, g, 'add', [carol.address]);
    const y = await signedControl(admin, g, 'rotate', []);
    const results = await Promise.all([
      kindOf(gql(h.url, op.groupControl, { control: x.control, wraps: [] }, admin.token)),
      kindOf(gql(h.url, op.groupControl, { control: y.control, wraps: [] }, admin.token)),
    ]);
    expect(results.sort()).toEqual(['conflict', 'ok']);
  });

  it('keeps at least one admin, and refuses controls on a DM', async () => {
    const admin = await newIdentity(h.url);
    await publishLog(h.url, admin);
    const g = await createGroup(h.url, admin);
    const demote = await signedControl(admin, g, 'demote', [admin.address]);
    expect(
      await kindOf(gql(h.url, op.groupControl, { control: demote.control, wraps: [] }, admin.token)),
    ).toBe('conflict');
    const peer = await newIdentity(h.url);
    const dm = await gql<{ createDm: { id: string; stateHash: string } }>(
      h.url,
      op.createDm,
      { peer: peer.address },
      admin.token,
    );
    const onDm = await signedControl(admin, dm.createDm, 'rotate', []);
    expect(await kindOf(gql(h.url, op.groupControl, { control: onDm.control, wraps: [] }, admin.token))).toBe(
      'bad_request',
    );
  });
});

// Device logs (verified before storing) and prekey bundles, against a real relay.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, kindOf, op } from './helpers/client';
import { type Harness, startRelay } from './helpers/harness';
import {
  linkEntry,
  newDevice,
  newIdentity,
  publishLog,
  randomWallet,
  revokeEntry,
  signIn,
  stateAfter,
} from './helpers/identity';

let h: Harness;
beforeAll(async () => {
  h = await startRelay();
});
afterAll(async () => {
  await h.close();
});

type LogPage = { deviceLog: { entries: Array<{ message: string }>; hasMore: boolean } };

describe('device logs', () => {
  it('stores a verified log and serves it', async () => {
    const id = await newIdentity(h.url);
    const entry = await linkEntry(id);
    const head = await gql<{ publishDeviceLog: { seq: number; hash: string } }>(
      h.url,
      op.publishDeviceLog,
      { fromSeq: 0, entries: [entry] },
      id.token,
    );
    expect(head.publishDeviceLog.seq).toBe(0);
    expect(head.publishDeviceLog.hash).toMatch(/^[0-9a-f]{64}$/);
    const reader = await newIdentity(h.url);
    const log = await gql<LogPage>(h.url, op.deviceLog, { address: id.address }, reader.token);
    expect(log.deviceLog.entries.map((e) => e.message)).toEqual([entry.message]);
    expect(log.deviceLog.hasMore).toBe(false);
  });

  it('refuses a log with a forged entry and stores nothing', async () => {
    const id = await newIdentity(h.url);
    const entry = await linkEntry(id);
    // Signed by another wallet: shaped right, but not the account's signature.
    const forged = {
      ...entry,
      walletSignature: (await randomWallet().signMessage(entry.message)).toLowerCase(),
    };
    const r = gql(h.url, op.publishDeviceLog, { fromSeq: 0, entries: [forged] }, id.token);
    expect(await kindOf(r)).toBe('bad_signature');
    // A tampered message under the real signature is refused too.
    const other = await newDevice();
    const tampered = {
      ...entry,
      message: entry.message.replace(`Device: ${id.device.deviceId}`, `Device: ${other.deviceId}`),
    };
    expect(tampered.message).not.toBe(entry.message);
    expect(await kindOf(gql(h.url, op.publishDeviceLog, { fromSeq: 0, entries: [tampered] }, id.token))).toBe(
      'bad_signature',
    );
    const log = await gql<LogPage>(h.url, op.deviceLog, { address: id.address }, id.token);
    expect(log.deviceLog.entries).toHaveLength(0);
  });

  it("refuses another account's entry and a stale head", async () => {
    const a = await newIdentity(h.url);
    const b = await newIdentity(h.url);
    const entryForB = await linkEntry(b);
    expect(await kindOf(gql(h.url, op.publishDeviceLog, { fromSeq: 0, entries: [entryForB] }, a.token))).toBe(
      'conflict',
    );
    await publishLog(h.url, a);
    const again = gql(h.url, op.publishDeviceLog, { fromSeq: 0, entries: [await linkEntry(a)] }, a.token);
    expect(await kindOf(again)).toBe('conflict');
  });

  it('revokes the sessions of a device its log revokes, and refuses its sign-in', async () => {
    const id = await newIdentity(h.url);
    const phone = await newDevice();
    const phoneToken = await signIn(h.url, id.wallet, phone.deviceId);
    const e0 = await linkEntry(id);
    const e1 = await linkEntry(id, phone, await stateAfter(id, [e0]));
    await gql(h.url, op.publishDeviceLog, { fromSeq: 0, entries: [e0, e1] }, id.token);
    const state = await stateAfter(id, [e0, e1]);
    if (state === undefined) throw new Error('no state');
    const e2 = await revokeEntry(id, state, phone.deviceId);
    await gql(h.url, op.publishDeviceLog, { fromSeq: 2, entries: [e2] }, id.token);
    expect(await kindOf(gql(h.url, op.me, {}, phoneToken))).toBe('unauthenticated');
    expect(await kindOf(signIn(h.url, id.wallet, phone.deviceId))).toBe('forbidden');
    expect(await kindOf(gql(h.url, op.me, {}, id.token))).toBe('ok');
  });

  it('needs a session and parses the address', async () => {
    expect(await kindOf(gql(h.url, op.deviceLog, { address: `0x${'1'.repeat(40)}` }))).toBe(
      'unauthenticated',
    );
    const id = await newIdentity(h.url);
    expect(await kindOf(gql(h.url, op.deviceLog, { address: 'nope' }, id.token))).toBe('bad_request');
  });
});

describe('prekey bundles', () => {
  it('hands out each one-time prekey once, also to parallel claimers', async () => {
    const owner = await newIdentity(h.url);
    await publishLog(h.url, owner);
    const keys = Array.from({ length: 4 }, (_, i) => ({
      keyId: `k${i}`,
      publicKey: randomBytes(32).toString('hex'),
    }));
    await gql(h.url, op.publishPrekeys, { signedPrekey: 'c2lnbmVk', oneTimePrekeys: keys }, owner.token);
    const claimer = await newIdentity(h.url);
    const vars = { address: owner.address, deviceId: owner.device.deviceId };
    type Claim = { claimPrekeyBundle: { signedPrekey: string; oneTimePrekey: { keyId: string } | null } };
    const claims = await Promise.all(
      Array.from({ length: 6 }, () => gql<Claim>(h.url, op.claimPrekeyBundle, vars, claimer.token)),
    );
    const ids = claims.flatMap((c) =>
      c.claimPrekeyBundle.oneTimePrekey ? [c.claimPrekeyBundle.oneTimePrekey.keyId] : [],
    );
    expect(ids.sort()).toEqual(['k0', 'k1', 'k2', 'k3']);
    expect(claims.every((c) => c.claimPrekeyBundle.signedPrekey === 'c2lnbmVk')).toBe(true);
  });

  it('refuses prekeys from a device the log does not link, and claims for unknown devices', async () => {
    const id = await newIdentity(h.url);
    const r = gql(h.url, op.publishPrekeys, { signedPrekey: 'eA', oneTimePrekeys: [] }, id.token);
    expect(await kindOf(r)).toBe('forbidden');
    const other = await newDevice();
    const claim = gql(
      h.url,
      op.claimPrekeyBundle,
      { address: id.address, deviceId: other.deviceId },
      id.token,
    );
    expect(await kindOf(claim)).toBe('not_found');
  });
});

import { describe, expect, it } from 'vitest';
import { CryptoError } from '../src/errors';
import {
  addedDevices,
  advanceEpoch,
  createEpoch,
  epochFromSecret,
  needsRotation,
  rotateEpoch,
} from '../src/group/epoch-state';
import {
  MAX_EPOCH_DEVICES,
  PREVIOUS_EPOCH_RETENTION_MS,
  ROTATION_MAX_AGE_MS,
  ROTATION_MAX_MESSAGES,
} from '../src/group/group-limits';
import { openGroupMessage } from '../src/group/group-open';
import { sealGroupMessage } from '../src/group/group-seal';
import {
  createGroupSession,
  currentEpoch,
  installEpoch,
  pruneEpochs,
  wipeGroupSession,
} from '../src/group/group-session';
import { bytesToHex, utf8ToBytes } from '../src/primitives/bytes';
import { createSuite } from '../src/primitives/suite';
import { copyEpoch, groupDevice, rejectionKind, stateHashOf, testGroup } from './group-helpers';
import { seededRandom } from './seeded-random';

const text = (s: string) => utf8ToBytes(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const HOUR = 60 * 60 * 1000;

function kindOf(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return e instanceof CryptoError ? e.kind : 'other';
  }
}

describe('epoch state', async () => {
  const suite = await createSuite({ backend: 'webcrypto' });
  const random = seededRandom('epoch-state');
  const d1 = await groupDevice(suite, random);
  const d2 = await groupDevice(suite, random);
  const base = { random, conversationId: random(16), stateHash: stateHashOf('s0'), now: 0 };

  it('creates epoch 0 with a fresh secret and checks its inputs', () => {
    const a = createEpoch({ ...base, members: [d1.member, d2.member] });
    const b = createEpoch({ ...base, members: [d1.member, d2.member] });
    expect(a.epoch).toBe(0);
    expect(a.epochSecret).toHaveLength(32);
    expect(bytesToHex(a.epochSecret)).not.toBe(bytesToHex(b.epochSecret));
    expect(kindOf(() => createEpoch({ ...base, members: [] }))).toBe('bad_input');
    expect(kindOf(() => createEpoch({ ...base, members: [d1.member, d1.member] }))).toBe('bad_input');
    expect(kindOf(() => createEpoch({ ...base, stateHash: new Uint8Array(31), members: [d1.member] }))).toBe(
      'bad_input',
    );
    expect(kindOf(() => createEpoch({ ...base, now: -1, members: [d1.member] }))).toBe('bad_input');
    const crowd = Array.from({ length: MAX_EPOCH_DEVICES + 1 }, (_, i) => {
      const deviceId = new Uint8Array(16);
      new DataView(deviceId.buffer).setUint32(0, i);
      return { ...d1.member, deviceId };
    });
    expect(kindOf(() => createEpoch({ ...base, members: crowd }))).toBe('limit');
    expect(
      kindOf(() =>
        epochFromSecret({ ...base, epoch: 2 ** 32, epochSecret: random(32), members: [d1.member] }),
      ),
    ).toBe('bad_input');
  });

  it('is due for rotation after 7 days or 10,000 messages', () => {
    const e = createEpoch({ ...base, now: 5_000, members: [d1.member] });
    expect(needsRotation(e, 5_000 + ROTATION_MAX_AGE_MS - 1)).toBe(false);
    expect(needsRotation(e, 5_000 + ROTATION_MAX_AGE_MS)).toBe(true);
    e.messageCount = ROTATION_MAX_MESSAGES - 1;
    expect(needsRotation(e, 5_000)).toBe(false);
    e.messageCount = ROTATION_MAX_MESSAGES;
    expect(needsRotation(e, 5_000)).toBe(true);
  });

  it('advances deterministically from the secret and the new state hash', async () => {
    const d3 = await groupDevice(suite, random);
    const e0 = createEpoch({ ...base, members: [d1.member, d2.member] });
    const x = advanceEpoch(e0, { stateHash: stateHashOf('s1'), added: [d3.member], now: 1 });
    const y = advanceEpoch(copyEpoch(e0), { stateHash: stateHashOf('s1'), added: [d3.member], now: 2 });
    const z = advanceEpoch(e0, { stateHash: stateHashOf('other'), added: [d3.member], now: 1 });
    expect(x.epoch).toBe(1);
    expect(bytesToHex(x.epochSecret)).toBe(bytesToHex(y.epochSecret));
    expect(bytesToHex(x.epochSecret)).not.toBe(bytesToHex(z.epochSecret));
    expect(bytesToHex(x.epochSecret)).not.toBe(bytesToHex(e0.epochSecret));
    expect(addedDevices(e0, x).map((m) => bytesToHex(m.deviceId))).toEqual([bytesToHex(d3.member.deviceId)]);
    expect(kindOf(() => advanceEpoch(e0, { stateHash: stateHashOf('s1'), added: [], now: 1 }))).toBe(
      'bad_input',
    );
    expect(kindOf(() => advanceEpoch(e0, { stateHash: stateHashOf('s1'), added: [d2.member], now: 1 }))).toBe(
      'bad_input',
    );
    const last = epochFromSecret({
      ...base,
      epoch: 0xffffffff,
      epochSecret: random(32),
      members: [d1.member],
    });
    expect(kindOf(() => rotateEpoch(last, { ...base, members: [d1.member] }))).toBe('limit');
  });

  it('rotates to a fresh secret for exactly the given members', () => {
    const e0 = createEpoch({ ...base, members: [d1.member, d2.member] });
    const e1 = rotateEpoch(e0, { random, stateHash: stateHashOf('s1'), members: [d1.member], now: 3 });
    expect(e1.epoch).toBe(1);
    expect(e1.members.map((m) => bytesToHex(m.deviceId))).toEqual([bytesToHex(d1.member.deviceId)]);
    // What a removed device can compute from the old secret is an advance, not the rotated secret.
    const dummy = { ...d2.member, deviceId: new Uint8Array(16).fill(0xee) };
    const guess = advanceEpoch(e0, { stateHash: stateHashOf('s1'), added: [dummy], now: 3 });
    expect(bytesToHex(e1.epochSecret)).not.toBe(bytesToHex(guess.epochSecret));
  });
});

describe('group sessions across epochs', async () => {
  const suite = await createSuite({ backend: 'webcrypto' });

  it('a device added by an advance reads the new epoch but not the earlier one', async () => {
    const random = seededRandom('advance');
    const { devices, sessions } = await testGroup(suite, random, 3);
    const [a, b] = devices;
    const [sa, sb, sc] = sessions;
    if (!a || !b || !sa || !sb || !sc) throw new Error('fixture');
    const d = await groupDevice(suite, random);
    const before = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('before D'));
    const late = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('late, epoch 0'));
    await openGroupMessage(suite, sb, before.envelope);

    const s1 = stateHashOf('state 1: D added');
    for (const s of [sa, sb, sc]) {
      installEpoch(s, advanceEpoch(currentEpoch(s), { stateHash: s1, added: [d.member], now: 2_000 }), 2_000);
    }
    expect(bytesToHex(currentEpoch(sa).epochSecret)).toBe(bytesToHex(currentEpoch(sc).epochSecret));
    // D receives epoch 1 (the wrap tests deliver it with HPKE).
    const sd = createGroupSession({ selfDevice: d.member.deviceId, epoch: copyEpoch(currentEpoch(sa)) });

    const after = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('welcome D'));
    expect(after).toMatchObject({ epoch: 1, index: 0 });
    expect(decode((await openGroupMessage(suite, sd, after.envelope)).plaintext)).toBe('welcome D');
    expect(decode((await openGroupMessage(suite, sb, after.envelope)).plaintext)).toBe('welcome D');
    const fromD = await sealGroupMessage(suite, sd, d.signingPrivateKey, text('hi all'));
    expect(decode((await openGroupMessage(suite, sb, fromD.envelope)).plaintext)).toBe('hi all');
    // D cannot read epoch 0, which it never held.
    expect(await rejectionKind(openGroupMessage(suite, sd, before.envelope))).toBe('wrong_epoch');
    // B still reads a late epoch-0 message within the retention.
    expect(
      decode((await openGroupMessage(suite, sb, late.envelope, { now: 2_000 + HOUR - 1 })).plaintext),
    ).toBe('late, epoch 0');
  });

  it('keeps the previous epoch for the retention period, then wipes it', async () => {
    const random = seededRandom('retention');
    const { devices, sessions } = await testGroup(suite, random, 2);
    const [a] = devices;
    const [sa, sb] = sessions;
    if (!a || !sa || !sb) throw new Error('fixture');
    const old = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('old'));
    const oldState = currentEpoch(sb);
    const e1 = rotateEpoch(currentEpoch(sa), {
      random,
      stateHash: stateHashOf('s1'),
      members: currentEpoch(sa).members,
      now: 10_000,
    });
    installEpoch(sb, copyEpoch(e1), 10_000);
    expect(sb.epochs).toHaveLength(2);
    pruneEpochs(sb, 10_000 + PREVIOUS_EPOCH_RETENTION_MS - 1);
    expect(sb.epochs).toHaveLength(2);
    expect(
      await rejectionKind(
        openGroupMessage(suite, sb, old.envelope, { now: 10_000 + PREVIOUS_EPOCH_RETENTION_MS }),
      ),
    ).toBe('wrong_epoch');
    expect(sb.epochs.map((r) => r.state.epoch)).toEqual([1]);
    expect(oldState.epochSecret.every((x) => x === 0)).toBe(true);
    // A third epoch drops the first at once, retention or not.
    const e2 = rotateEpoch(e1, { random, stateHash: stateHashOf('s2'), members: e1.members, now: 10_001 });
    installEpoch(sb, copyEpoch(e2), 10_001);
    const e3 = rotateEpoch(e2, { random, stateHash: stateHashOf('s3'), members: e2.members, now: 10_002 });
    installEpoch(sb, copyEpoch(e3), 10_002);
    expect(sb.epochs.map((r) => r.state.epoch)).toEqual([2, 3]);
  });

  it('seals in the newest epoch, and refuses to install an older, foreign or self-less epoch', async () => {
    const random = seededRandom('install');
    const { devices, sessions, epoch0 } = await testGroup(suite, random, 2);
    const [a, b] = devices;
    const [sa] = sessions;
    if (!a || !b || !sa) throw new Error('fixture');
    await sealGroupMessage(suite, sa, a.signingPrivateKey, text('e0'));
    const e1 = rotateEpoch(epoch0, { random, stateHash: stateHashOf('s1'), members: epoch0.members, now: 5 });
    installEpoch(sa, copyEpoch(e1), 5);
    expect(sa.epochs[0]?.sending).toBeUndefined();
    expect((await sealGroupMessage(suite, sa, a.signingPrivateKey, text('e1'))).epoch).toBe(1);
    expect(kindOf(() => installEpoch(sa, copyEpoch(epoch0), 6))).toBe('bad_input');
    const foreign = epochFromSecret({
      ...e1,
      epoch: 2,
      conversationId: random(16),
      epochSecret: random(32),
      now: 6,
    });
    expect(kindOf(() => installEpoch(sa, foreign, 6))).toBe('bad_input');
    const withoutA = rotateEpoch(e1, { random, stateHash: stateHashOf('s2'), members: [b.member], now: 6 });
    expect(kindOf(() => installEpoch(sa, withoutA, 6))).toBe('bad_input');
  });

  it('survives structured clone (how the engine stores it) and wipes on request', async () => {
    const random = seededRandom('clone');
    const { devices, sessions } = await testGroup(suite, random, 2);
    const [a] = devices;
    const [sa, sb] = sessions;
    if (!a || !sa || !sb) throw new Error('fixture');
    await openGroupMessage(
      suite,
      sb,
      (await sealGroupMessage(suite, sa, a.signingPrivateKey, text('1'))).envelope,
    );
    const stored = structuredClone(sb);
    const m = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('2'));
    expect(decode((await openGroupMessage(suite, stored, m.envelope)).plaintext)).toBe('2');
    const secret = currentEpoch(stored).epochSecret;
    wipeGroupSession(stored);
    expect(secret.every((x) => x === 0)).toBe(true);
    expect(await rejectionKind(openGroupMessage(suite, stored, m.envelope))).toBe('wrong_epoch');
  });
});

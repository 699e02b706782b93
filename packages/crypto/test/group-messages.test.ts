import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sealEnvelope } from '../src/envelope/envelope-body';
import { encodeEnvelope } from '../src/envelope/envelope-codec';
import { encodeGroupHeader } from '../src/group/group-headers';
import { MAX_SKIP } from '../src/group/group-limits';
import { openGroupMessage } from '../src/group/group-open';
import { sealGroupMessage } from '../src/group/group-seal';
import { createGroupSession } from '../src/group/group-session';
import { bytesToHex, equalBytes, utf8ToBytes } from '../src/primitives/bytes';
import { type Backend, createSuite } from '../src/primitives/suite';
import { copyEpoch, groupDevice, rejectionKind, skipTo, testGroup } from './group-helpers';
import { seededRandom } from './seeded-random';

const text = (s: string) => utf8ToBytes(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe.each<Backend>(['webcrypto', 'noble'])('group messages (%s)', (backend) => {
  it('three members exchange messages, each read by the other two', async () => {
    const suite = await createSuite({ backend });
    const { devices, sessions } = await testGroup(suite, seededRandom(`three/${backend}`), 3);
    for (let round = 0; round < 2; round++) {
      for (let s = 0; s < 3; s++) {
        const sender = devices[s];
        const session = sessions[s];
        if (!sender || !session) throw new Error('fixture');
        const sealed = await sealGroupMessage(
          suite,
          session,
          sender.signingPrivateKey,
          text(`m${round}/${s}`),
        );
        expect(sealed).toMatchObject({ epoch: 0, index: round });
        for (let r = 0; r < 3; r++) {
          const receiver = sessions[r];
          if (r === s || !receiver) continue;
          const opened = await openGroupMessage(suite, receiver, sealed.envelope);
          expect(decode(opened.plaintext)).toBe(`m${round}/${s}`);
          expect(bytesToHex(opened.senderDevice)).toBe(bytesToHex(sender.member.deviceId));
          expect(opened).toMatchObject({ epoch: 0, index: round });
        }
      }
    }
    // Each device sealed 2 and opened 4 messages.
    expect(sessions.map((s) => s.epochs[0]?.state.messageCount)).toEqual([6, 6, 6]);
  });

  it('rejects a replayed message with replay, and the replay changes nothing', async () => {
    const suite = await createSuite({ backend });
    const { devices, sessions } = await testGroup(suite, seededRandom(`replay/${backend}`), 2);
    const [a, b] = devices;
    const [sa, sb] = sessions;
    if (!a || !b || !sa || !sb) throw new Error('fixture');
    const m = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('once'));
    await openGroupMessage(suite, sb, m.envelope);
    const before = structuredClone(sb);
    expect(await rejectionKind(openGroupMessage(suite, sb, m.envelope))).toBe('replay');
    expect(sb).toEqual(before);
  });
});

describe('group message rejections', async () => {
  const suite = await createSuite({ backend: 'webcrypto' });

  async function pair(seed: string) {
    const g = await testGroup(suite, seededRandom(seed), 3);
    const [a, b, c] = g.devices;
    const [sa, sb, sc] = g.sessions;
    if (!a || !b || !c || !sa || !sb || !sc) throw new Error('fixture');
    return { a, b, c, sa, sb, sc, epoch0: g.epoch0 };
  }

  it('a tampered byte anywhere is rejected with the kind of its field, and changes nothing', async () => {
    const { a, sa, sb } = await pair('tamper');
    const m = await sealGroupMessage(suite, sa, a.signingPrivateKey, new Uint8Array(1024).fill(7));
    const env = m.envelope;
    const c = new DataView(env.buffer, env.byteOffset).getUint32(68, false);
    // Layout with an 8-byte kind header: see docs/protocol.md §6.3.
    const expected = (pos: number): string => {
      if (pos === 0) return 'unsupported';
      if (pos <= 17 || pos === 34 || pos === 35) return 'bad_input'; // kind, conversation, H
      if (pos <= 33) return 'unknown_device'; // sender device id
      if (pos >= 68 && pos < 72) return 'bad_input'; // C
      if (pos === 72 + c) return 'bad_input'; // signature length
      return 'bad_signature'; // kind header, nonce, ciphertext, signature
    };
    const before = structuredClone(sb);
    await fc.assert(
      fc.asyncProperty(fc.nat(env.length - 1), fc.integer({ min: 1, max: 255 }), async (pos, flip) => {
        const bad = env.slice();
        bad[pos] = (bad[pos] as number) ^ flip;
        expect(await rejectionKind(openGroupMessage(suite, sb, bad))).toBe(expected(pos));
      }),
      {
        numRuns: 200,
        examples: [
          [0, 1],
          [1, 2],
          [20, 1],
          [36, 1],
          [43, 1],
          [50, 1],
          [75, 1],
          [72 + c, 1],
        ],
      },
    );
    expect(sb).toEqual(before);
    expect(decode((await openGroupMessage(suite, sb, env)).plaintext)).toHaveLength(1024);
  });

  it('a correctly signed envelope with a wrong ciphertext key is bad_mac, and changes nothing', async () => {
    const { a, sa, sb } = await pair('bad-mac');
    const forged = await sealEnvelope({
      kind: 'group',
      conversationId: sa.conversationId,
      senderDevice: a.member.deviceId,
      kindHeader: encodeGroupHeader({ epoch: 0, index: 0 }),
      messageKey: new Uint8Array(32).fill(9),
      plaintext: text('forged'),
      random: suite.random,
      signer: { ed25519: suite.ed25519, privateKey: a.signingPrivateKey },
    });
    const before = structuredClone(sb);
    expect(await rejectionKind(openGroupMessage(suite, sb, encodeEnvelope(forged)))).toBe('bad_mac');
    expect(sb).toEqual(before);
    // Index 0 is still fresh: the genuine message for it opens.
    const real = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('real'));
    expect(decode((await openGroupMessage(suite, sb, real.envelope)).plaintext)).toBe('real');
  });

  it('a message signed by one member but naming another as sender is bad_signature', async () => {
    const { a, c, sc, sb } = await pair('impersonate');
    // Device A seals with C's chain key (it knows the epoch secret) but signs with its own key.
    const stolen = structuredClone(sc);
    const m = await sealGroupMessage(suite, stolen, a.signingPrivateKey, text('I am C'));
    expect(await rejectionKind(openGroupMessage(suite, sb, m.envelope))).toBe('bad_signature');
    const genuine = await sealGroupMessage(suite, sc, c.signingPrivateKey, text('I am C'));
    expect(decode((await openGroupMessage(suite, sb, genuine.envelope)).plaintext)).toBe('I am C');
  });

  it('a non-member is unknown_device and a revoked member is revoked', async () => {
    const { a, sa, sb, epoch0 } = await pair('outsider');
    const x = await groupDevice(suite, seededRandom('outsider/x'));
    // X got the epoch secret somehow and lists itself as a member; B's roster does not have it.
    const xEpoch = copyEpoch({ ...epoch0, members: [...epoch0.members, x.member] });
    const sx = createGroupSession({ selfDevice: x.member.deviceId, epoch: xEpoch });
    const fromX = await sealGroupMessage(suite, sx, x.signingPrivateKey, text('hi'));
    expect(await rejectionKind(openGroupMessage(suite, sb, fromX.envelope))).toBe('unknown_device');

    const fromA = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('hi'));
    const isRevoked = (id: Uint8Array) =>
      equalBytes(id, a.member.deviceId) || equalBytes(id, x.member.deviceId);
    expect(await rejectionKind(openGroupMessage(suite, sb, fromA.envelope, { isRevoked }))).toBe('revoked');
    // Revocation is checked before membership.
    expect(await rejectionKind(openGroupMessage(suite, sb, fromX.envelope, { isRevoked }))).toBe('revoked');
    expect(decode((await openGroupMessage(suite, sb, fromA.envelope)).plaintext)).toBe('hi');
  });

  it('rejects an envelope of another conversation or kind with bad_input', async () => {
    const { a, sa } = await pair('other-conv');
    const other = await pair('other-conv-2');
    const m = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('x'));
    expect(await rejectionKind(openGroupMessage(suite, other.sb, m.envelope))).toBe('bad_input');
    const wrap = await sealEnvelope({
      kind: 'control',
      conversationId: sa.conversationId,
      senderDevice: a.member.deviceId,
      kindHeader: encodeGroupHeader({ epoch: 0, index: 0 }),
      messageKey: new Uint8Array(32),
      plaintext: text('x'),
      random: suite.random,
      signer: { ed25519: suite.ed25519, privateKey: a.signingPrivateKey },
    });
    const { sb } = await pair('other-conv');
    expect(await rejectionKind(openGroupMessage(suite, sb, encodeEnvelope(wrap)))).toBe('bad_input');
  });

  it('opens any delivery order within the window exactly once', async () => {
    const { a, sa, epoch0, b } = await pair('order');
    const sealed = await Promise.all(
      Array.from({ length: 24 }, (_, i) => sealGroupMessage(suite, sa, a.signingPrivateKey, text(`n${i}`))),
    );
    // Parallel seals still take distinct, consecutive indices.
    expect(sealed.map((s) => s.index).sort((x, y) => x - y)).toEqual([...Array(24).keys()]);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([...sealed.keys()], { minLength: 24, maxLength: 24 }),
        fc.array(fc.nat(23), { maxLength: 6 }),
        async (order, replays) => {
          const sb = createGroupSession({ selfDevice: b.member.deviceId, epoch: copyEpoch(epoch0) });
          for (const i of order) {
            const s = sealed[i];
            if (!s) throw new Error('fixture');
            const opened = await openGroupMessage(suite, sb, s.envelope);
            expect(decode(opened.plaintext)).toBe(`n${s.index}`);
          }
          for (const i of replays) {
            const s = sealed[i];
            if (!s) throw new Error('fixture');
            expect(await rejectionKind(openGroupMessage(suite, sb, s.envelope))).toBe('replay');
          }
          // Every skipped key was used and wiped from the store.
          expect(sb.skipped.keys.size).toBe(0);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('parallel opens of one message accept it once', async () => {
    const { a, sa, sb } = await pair('parallel-open');
    const m = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('dup'));
    const kinds = await Promise.all(
      Array.from({ length: 8 }, () => rejectionKind(openGroupMessage(suite, sb, m.envelope))),
    );
    expect(kinds.filter((k) => k === undefined)).toHaveLength(1);
    expect(kinds.filter((k) => k === 'replay')).toHaveLength(7);
  });

  it('caps a skip at MAX_SKIP keys and keeps skipped keys usable', async () => {
    const { a, sa, sb } = await pair('skip-cap');
    const early = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('early')); // index 0
    skipTo(sa, MAX_SKIP + 2);
    const tooFar = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('far'));
    expect(tooFar.index).toBe(MAX_SKIP + 2);
    const before = structuredClone(sb);
    expect(await rejectionKind(openGroupMessage(suite, sb, tooFar.envelope))).toBe('too_many_skipped');
    expect(sb).toEqual(before);
    // A skip of exactly MAX_SKIP (indices 0 .. MAX_SKIP - 1) is allowed.
    const { sa: sa2, sb: sb2, a: a2 } = await pair('skip-cap');
    skipTo(sa2, MAX_SKIP);
    const edge = await sealGroupMessage(suite, sa2, a2.signingPrivateKey, text('edge'));
    expect(decode((await openGroupMessage(suite, sb2, edge.envelope)).plaintext)).toBe('edge');
    expect(sb2.skipped.keys.size).toBe(MAX_SKIP);
    // The same device's epoch and keys: 'early' from the first pair has index 0, a skipped key here.
    expect(decode((await openGroupMessage(suite, sb2, early.envelope)).plaintext)).toBe('early');
    expect(sb2.skipped.keys.size).toBe(MAX_SKIP - 1);
  });

  it('evicts the oldest skipped keys past the per-group cap', async () => {
    const { a, c, sa, sc, sb } = await pair('group-cap');
    skipTo(sa, 990);
    const a990 = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('a990'));
    skipTo(sa, 1000);
    const a1000 = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('a1000'));
    skipTo(sa, 2001);
    const a2001 = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('a2001'));
    const c0 = await sealGroupMessage(suite, sc, c.signingPrivateKey, text('c0'));
    skipTo(sc, 1000);
    const c1000 = await sealGroupMessage(suite, sc, c.signingPrivateKey, text('c1000'));
    await openGroupMessage(suite, sb, a1000.envelope); // stores A:0..999
    await openGroupMessage(suite, sb, c1000.envelope); // stores C:0..999 (2,000 in all)
    await openGroupMessage(suite, sb, a2001.envelope); // stores A:1001..2000, evicting A:0..999
    expect(sb.skipped.keys.size).toBe(2000);
    // A:990 is inside A's window but its key was evicted; C:0 survived.
    expect(await rejectionKind(openGroupMessage(suite, sb, a990.envelope))).toBe('too_many_skipped');
    expect(decode((await openGroupMessage(suite, sb, c0.envelope)).plaintext)).toBe('c0');
  });

  it('treats an index below the replay window as a replay', async () => {
    const { a, sa, sb } = await pair('below-window');
    const first = await sealGroupMessage(suite, sa, a.signingPrivateKey, text('0'));
    skipTo(sa, 1000);
    await openGroupMessage(
      suite,
      sb,
      (await sealGroupMessage(suite, sa, a.signingPrivateKey, text('1000'))).envelope,
    );
    skipTo(sa, 2000);
    await openGroupMessage(
      suite,
      sb,
      (await sealGroupMessage(suite, sa, a.signingPrivateKey, text('2000'))).envelope,
    );
    // Index 0 was never opened, but it is now 2,000 below the highest: replay, and its key is gone.
    expect(await rejectionKind(openGroupMessage(suite, sb, first.envelope))).toBe('replay');
    expect([...sb.skipped.keys.keys()].some((k) => k.endsWith(':0'))).toBe(false);
  });
});

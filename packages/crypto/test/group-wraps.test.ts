import { describe, expect, it } from 'vitest';
import { decodeEnvelope } from '../src/envelope/envelope-codec';
import {
  addedDevices,
  advanceEpoch,
  createEpoch,
  epochFromSecret,
  rotateEpoch,
} from '../src/group/epoch-state';
import { sealEpochWraps, wrapInfo } from '../src/group/epoch-wrap-seal';
import { openGroupMessage } from '../src/group/group-open';
import { sealGroupMessage } from '../src/group/group-seal';
import {
  createGroupSession,
  currentEpoch,
  type GroupSession,
  installEpoch,
} from '../src/group/group-session';
import { decodeWrapEntries } from '../src/group/wrap-entries';
import { openBase } from '../src/hpke/hpke';
import { bytesToHex, utf8ToBytes } from '../src/primitives/bytes';
import { type Backend, createSuite } from '../src/primitives/suite';
import { type GroupDevice, groupDevice, receiveWrap, rejectionKind, stateHashOf } from './group-helpers';
import { seededRandom } from './seeded-random';

const text = (s: string) => utf8ToBytes(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** Everything a device needs to take part: its keys, and its session once it holds an epoch. */
interface Participant extends GroupDevice {
  session?: GroupSession;
}

describe.each<Backend>(['webcrypto', 'noble'])('epoch wraps (%s)', (backend) => {
  it('creates, advances and rotates a group, delivering each secret only to the right devices', async () => {
    const suite = await createSuite({ backend });
    const random = seededRandom(`lifecycle/${backend}`);
    const [a, b, c, d] = [
      await groupDevice(suite, random),
      await groupDevice(suite, random),
      await groupDevice(suite, random),
      await groupDevice(suite, random),
    ] as [Participant, Participant, Participant, Participant];
    const conversationId = random(16);
    const admin = { deviceId: a.member.deviceId, signingPrivateKey: a.signingPrivateKey };

    // Epoch 0: A creates it and wraps it to B and C.
    const e0 = createEpoch({
      random: suite.random,
      conversationId,
      stateHash: stateHashOf('s0'),
      members: [a, b, c].map((p) => p.member),
      now: 1,
    });
    const wraps0 = await sealEpochWraps(suite, { epoch: e0, recipients: [b.member, c.member], admin });
    expect(wraps0).toHaveLength(1);
    a.session = createGroupSession({ selfDevice: a.member.deviceId, epoch: e0 });
    for (const p of [b, c]) {
      const w = await receiveWrap(suite, conversationId, a, p, wraps0);
      if (!w) throw new Error('no wrap entry');
      expect(w).toMatchObject({ epoch: 0, part: 0, parts: 1 });
      expect(bytesToHex(w.stateHash)).toBe(bytesToHex(e0.stateHash));
      p.session = createGroupSession({
        selfDevice: p.member.deviceId,
        epoch: epochFromSecret({
          conversationId,
          epoch: w.epoch,
          epochSecret: w.epochSecret,
          stateHash: w.stateHash,
          members: e0.members,
          now: 1,
        }),
      });
    }
    const hello = await sealGroupMessage(suite, a.session, a.signingPrivateKey, text('hello B and C'));
    for (const p of [b, c])
      expect(
        decode((await openGroupMessage(suite, p.session as GroupSession, hello.envelope)).plaintext),
      ).toBe('hello B and C');

    // Epoch 1: A adds D. Only D gets a wrap; B and C advance by themselves.
    const s1 = stateHashOf('s1');
    const e1 = advanceEpoch(currentEpoch(a.session), { stateHash: s1, added: [d.member], now: 2 });
    const wraps1 = await sealEpochWraps(suite, {
      epoch: e1,
      recipients: addedDevices(currentEpoch(a.session), e1),
      admin,
    });
    installEpoch(a.session, e1, 2);
    for (const p of [b, c]) {
      const s = p.session as GroupSession;
      installEpoch(s, advanceEpoch(currentEpoch(s), { stateHash: s1, added: [d.member], now: 2 }), 2);
      expect(await receiveWrap(suite, conversationId, a, p, wraps1)).toBeUndefined();
    }
    const w1 = await receiveWrap(suite, conversationId, a, d, wraps1);
    if (!w1) throw new Error('D found no entry');
    expect(bytesToHex(w1.epochSecret)).toBe(bytesToHex(e1.epochSecret));
    d.session = createGroupSession({
      selfDevice: d.member.deviceId,
      epoch: epochFromSecret({
        conversationId,
        epoch: w1.epoch,
        epochSecret: w1.epochSecret,
        stateHash: w1.stateHash,
        members: e1.members,
        now: 2,
      }),
    });
    const welcome = await sealGroupMessage(
      suite,
      b.session as GroupSession,
      b.signingPrivateKey,
      text('welcome D'),
    );
    expect(decode((await openGroupMessage(suite, d.session, welcome.envelope)).plaintext)).toBe('welcome D');
    expect(await rejectionKind(openGroupMessage(suite, d.session, hello.envelope))).toBe('wrong_epoch');

    // Epoch 2: A removes C. A fresh secret, wrapped to B and D; C finds no entry anywhere.
    const e2 = rotateEpoch(e1, {
      random: suite.random,
      stateHash: stateHashOf('s2'),
      members: [a, b, d].map((p) => p.member),
      now: 3,
    });
    const wraps2 = await sealEpochWraps(suite, { epoch: e2, recipients: [b.member, d.member], admin });
    installEpoch(a.session, e2, 3);
    for (const p of [b, d]) {
      const w = await receiveWrap(suite, conversationId, a, p, wraps2);
      if (!w) throw new Error('no wrap entry');
      installEpoch(
        p.session as GroupSession,
        epochFromSecret({
          conversationId,
          epoch: w.epoch,
          epochSecret: w.epochSecret,
          stateHash: w.stateHash,
          members: e2.members,
          now: 3,
        }),
        3,
      );
    }
    expect(await receiveWrap(suite, conversationId, a, c, wraps2)).toBeUndefined();
    // C cannot open any entry with its key, nor reach the secret from what it holds.
    for (const w of wraps2) {
      const env = decodeEnvelope(w);
      for (const entry of decodeWrapEntries(env.ciphertext)) {
        const attempt = openBase({
          recipientPrivateKey: c.agreementPrivateKey,
          enc: entry.enc,
          info: wrapInfo(conversationId, 2),
          aad: env.aad,
          ciphertext: entry.ciphertext,
          suite,
        });
        expect(await rejectionKind(attempt)).toBe('bad_mac');
      }
    }
    const cGuess = advanceEpoch(currentEpoch(c.session as GroupSession), {
      stateHash: e2.stateHash,
      added: [{ ...d.member, deviceId: random(16) }],
      now: 3,
    });
    expect(bytesToHex(cGuess.epochSecret)).not.toBe(bytesToHex(e2.epochSecret));
    const secret = await sealGroupMessage(
      suite,
      b.session as GroupSession,
      b.signingPrivateKey,
      text('C is gone'),
    );
    expect(secret.epoch).toBe(2);
    expect(await rejectionKind(openGroupMessage(suite, c.session as GroupSession, secret.envelope))).toBe(
      'wrong_epoch',
    );
    expect(decode((await openGroupMessage(suite, d.session, secret.envelope)).plaintext)).toBe('C is gone');
    expect(decode((await openGroupMessage(suite, a.session, secret.envelope)).plaintext)).toBe('C is gone');
  });
});

// Frozen vector of the group formats (docs/protocol.md §6.8): epoch creation, the first sender
// chain step, one 'group' message envelope, one 'wrap' envelope and one advance, all from
// seededRandom. Regenerate deliberately with UPDATE_VECTORS=1.
import { createHmac, hkdfSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { describe, expect, it } from 'vitest';
import { advanceEpoch, createEpoch, epochFromSecret } from '../src/group/epoch-state';
import { openEpochWrap } from '../src/group/epoch-wrap-open';
import { sealEpochWraps } from '../src/group/epoch-wrap-seal';
import { openGroupMessage } from '../src/group/group-open';
import { sealGroupMessage } from '../src/group/group-seal';
import { createGroupSession } from '../src/group/group-session';
import { chainStep, senderChainKey0 } from '../src/group/sender-chain';
import { bytesToHex, equalBytes, hexToBytes, utf8ToBytes } from '../src/primitives/bytes';
import { sha256 } from '../src/primitives/kdf';
import { type Backend, createSuite } from '../src/primitives/suite';
import { copyEpoch, type GroupDevice, groupDevice } from './group-helpers';
import { seededRandom } from './seeded-random';

const VECTOR = fileURLToPath(new URL('./vectors/group.json', import.meta.url));
const SEED = 'frozen-group-v1';
const CREATED_AT = 1_767_225_600_000; // 2026-01-01T00:00:00Z

function described(dev: GroupDevice) {
  return {
    deviceId: bytesToHex(dev.member.deviceId),
    signingPrivateKey: bytesToHex(dev.signingPrivateKey),
    signingKey: bytesToHex(dev.member.signingKey),
    agreementPrivateKey: bytesToHex(dev.agreementPrivateKey),
    agreementKey: bytesToHex(dev.member.agreementKey),
  };
}

async function generate() {
  const random = seededRandom(SEED);
  const suite = await createSuite({ backend: 'noble', random });
  const [a, b, c, d] = [
    await groupDevice(suite, random),
    await groupDevice(suite, random),
    await groupDevice(suite, random),
    await groupDevice(suite, random),
  ];
  if (!a || !b || !c || !d) throw new Error('fixture');
  const conversationId = random(16);
  const stateHash = sha256(utf8ToBytes('group state 0'));
  const epoch0 = createEpoch({
    random,
    conversationId,
    stateHash,
    members: [a.member, b.member, c.member],
    now: CREATED_AT,
  });
  const ck0 = senderChainKey0(epoch0, a.member.deviceId);
  const session = createGroupSession({ selfDevice: a.member.deviceId, epoch: copyEpoch(epoch0) });
  const plaintext = 'gm, group';
  const message = await sealGroupMessage(suite, session, a.signingPrivateKey, utf8ToBytes(plaintext));
  const [wrap] = await sealEpochWraps(suite, {
    epoch: epoch0,
    recipients: [b.member, c.member],
    admin: { deviceId: a.member.deviceId, signingPrivateKey: a.signingPrivateKey },
  });
  const stateHash1 = sha256(utf8ToBytes('group state 1'));
  const epoch1 = advanceEpoch(epoch0, { stateHash: stateHash1, added: [d.member], now: CREATED_AT });
  return {
    note: `seededRandom("${SEED}"), noble suite; see packages/crypto/test/group-vector.test.ts`,
    devices: { a: described(a), b: described(b), c: described(c), d: described(d) },
    conversationId: bytesToHex(conversationId),
    epoch0: {
      members: ['a', 'b', 'c'],
      stateHash: bytesToHex(stateHash),
      epochSecret: bytesToHex(epoch0.epochSecret),
      senderA: {
        chainKey0: bytesToHex(ck0),
        messageKey0: bytesToHex(chainStep(ck0).messageKey),
        chainKey1: bytesToHex(chainStep(ck0).nextChainKey),
      },
    },
    message: { sender: 'a', epoch: 0, index: 0, plaintext, envelope: bytesToHex(message.envelope) },
    wrap: { admin: 'a', recipients: ['b', 'c'], epoch: 0, envelope: bytesToHex(wrap ?? new Uint8Array(0)) },
    epoch1: {
      added: ['d'],
      stateHash: bytesToHex(stateHash1),
      epochSecret: bytesToHex(epoch1.epochSecret),
    },
  };
}

type Vector = Awaited<ReturnType<typeof generate>>;

describe('group frozen vector', () => {
  it('matches byte for byte', async () => {
    const actual = await generate();
    if (process.env.UPDATE_VECTORS === '1') writeFileSync(VECTOR, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(VECTOR, 'utf8')));
  });

  it.each<Backend>(['webcrypto', 'noble'])('opens the frozen envelopes (%s)', async (backend) => {
    const v = JSON.parse(readFileSync(VECTOR, 'utf8')) as Vector;
    const suite = await createSuite({ backend });
    const key = (name: 'a' | 'b' | 'c') => ({
      deviceId: hexToBytes(v.devices[name].deviceId),
      signingKey: hexToBytes(v.devices[name].signingKey),
      agreementKey: hexToBytes(v.devices[name].agreementKey),
    });
    const conversationId = hexToBytes(v.conversationId);
    const members = [key('a'), key('b'), key('c')];
    const b = v.devices.b;
    const opened = await openEpochWrap(suite, {
      envelope: hexToBytes(v.wrap.envelope),
      conversationId,
      self: { deviceId: hexToBytes(b.deviceId), agreementPrivateKey: hexToBytes(b.agreementPrivateKey) },
      signingKeyOf: (id) =>
        equalBytes(id, members[0]?.deviceId ?? new Uint8Array(0)) ? members[0]?.signingKey : undefined,
    });
    if (!opened) throw new Error('B has no entry in the frozen wrap');
    expect(bytesToHex(opened.epochSecret)).toBe(v.epoch0.epochSecret);
    const epoch = epochFromSecret({ conversationId, ...opened, members, now: CREATED_AT });
    const session = createGroupSession({ selfDevice: hexToBytes(b.deviceId), epoch });
    const m = await openGroupMessage(suite, session, hexToBytes(v.message.envelope));
    expect(new TextDecoder().decode(m.plaintext)).toBe(v.message.plaintext);
    expect(m).toMatchObject({ epoch: v.message.epoch, index: v.message.index });
  });

  it('follows the spec, checked with independent implementations (node:crypto, @hpke/core)', async () => {
    const v = JSON.parse(readFileSync(VECTOR, 'utf8')) as Vector;
    const hex = (h: string) => Buffer.from(h, 'hex');
    const u32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
    const label = (name: string) => Buffer.from(`parley/v1/${name}`);
    const hkdf = (ikm: Buffer, salt: Buffer, info: Buffer) =>
      Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));
    const a = v.devices.a;
    const secret = hex(v.epoch0.epochSecret);
    // §6.3 sender chain.
    const ck0 = hkdf(
      secret,
      hex(v.epoch0.stateHash),
      Buffer.concat([label('group/sender'), hex(v.conversationId), hex(a.deviceId), u32(0)]),
    );
    expect(ck0.toString('hex')).toBe(v.epoch0.senderA.chainKey0);
    const mk0 = createHmac('sha256', ck0)
      .update(Buffer.from([1]))
      .digest();
    expect(mk0.toString('hex')).toBe(v.epoch0.senderA.messageKey0);
    expect(
      createHmac('sha256', ck0)
        .update(Buffer.from([2]))
        .digest('hex'),
    ).toBe(v.epoch0.senderA.chainKey1);
    // §6.2 advance.
    const next = hkdf(secret, hex(v.epoch1.stateHash), Buffer.concat([label('group/advance'), u32(1)]));
    expect(next.toString('hex')).toBe(v.epoch1.epochSecret);

    // §6.3 message envelope, parsed by offsets: H = 8, AAD = bytes[0, 68).
    const msg = hex(v.message.envelope);
    expect([msg[0], msg[1], msg.readUInt16BE(34)]).toEqual([1, 2, 8]);
    expect(msg.subarray(2, 18).toString('hex')).toBe(v.conversationId);
    expect(msg.subarray(18, 34).toString('hex')).toBe(a.deviceId);
    expect([msg.readUInt32BE(36), msg.readUInt32BE(40)]).toEqual([0, 0]);
    const c = msg.readUInt32BE(68);
    const padded = xchacha20poly1305(mk0, msg.subarray(44, 68), msg.subarray(0, 68)).decrypt(
      msg.subarray(72, 72 + c),
    );
    expect(Buffer.from(padded.subarray(0, v.message.plaintext.length)).toString()).toBe(v.message.plaintext);
    expect(padded[v.message.plaintext.length]).toBe(0x80);
    expect(msg.length).toBe(72 + c + 1 + 64);

    // §6.5 wrap envelope: H = 40, entries of 96 bytes, standard RFC 9180 base mode per entry.
    const wrap = hex(v.wrap.envelope);
    expect([wrap[1], wrap.readUInt16BE(34), wrap.readUInt32BE(36)]).toEqual([4, 40, 0]);
    expect(wrap.subarray(40, 72).toString('hex')).toBe(v.epoch0.stateHash);
    expect([wrap.readUInt16BE(72), wrap.readUInt16BE(74)]).toEqual([0, 1]);
    const body = wrap.subarray(104, 104 + wrap.readUInt32BE(100));
    expect(body.length).toBe(2 * 96);
    const hpke = new CipherSuite({
      kem: new DhkemX25519HkdfSha256(),
      kdf: new HkdfSha256(),
      aead: new Chacha20Poly1305(),
    });
    for (const name of ['b', 'c'] as const) {
      const dev = v.devices[name];
      const at = [0, 96].find((o) => body.subarray(o, o + 16).toString('hex') === dev.deviceId);
      if (at === undefined) throw new Error(`no entry for ${name}`);
      const recipientKey = await hpke.kem.deserializePrivateKey(hex(dev.agreementPrivateKey));
      const pt = await hpke.open(
        {
          recipientKey,
          enc: body.subarray(at + 16, at + 48),
          info: Buffer.concat([label('group/wrap'), hex(v.conversationId), u32(0)]),
        },
        body.subarray(at + 48, at + 96),
        wrap.subarray(0, 100),
      );
      expect(Buffer.from(pt).toString('hex')).toBe(v.epoch0.epochSecret);
    }
  });
});

// The frozen one-to-one vector (docs/protocol.md §5): fixed keys and a seeded Random, Alice's first
// (prekey) message to Bob and Bob's reply, byte for byte. A format change fails here until the file
// is regenerated on purpose:  UPDATE_VECTORS=1 npx vitest run packages/crypto/test/ratchet-vector
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fanOut } from '../src/fan-out/fan-out';
import { receiveRatchet, type SenderDevice } from '../src/fan-out/receive-ratchet';
import { createDevicePrekeys, type PrekeyStore, prekeyStoreOf } from '../src/prekeys/device-prekeys';
import { publicSignedPrekey } from '../src/prekeys/signed-prekey';
import { bytesToHex, equalBytes, hexToBytes } from '../src/primitives/bytes';
import { type Backend, createSuite } from '../src/primitives/suite';
import { decodeRatchetMessage } from '../src/ratchet/ratchet-decrypt';
import { seededRandom } from './seeded-random';

const FILE = new URL('./vectors/ratchet.json', import.meta.url);
const SEED = 'parley/v1/test-vector/ratchet';
const NOW = Date.UTC(2026, 0, 1);
const hex = bytesToHex;
const utf8 = (s: string) => new TextEncoder().encode(s);

async function generate(backend: Exclude<Backend, 'auto'>) {
  const random = seededRandom(SEED);
  const suite = await createSuite({ backend, random });
  const device = async () => {
    const deviceId = random(16);
    const identityKey = await suite.x25519.generateKeyPair();
    const signing = await suite.ed25519.generateKeyPair();
    return {
      deviceId,
      identityKey,
      signing,
      keys: { deviceId, identityKey: identityKey.publicKey, signingKey: signing.publicKey },
    };
  };
  const alice = await device();
  const bob = await device();
  const prekeys = await createDevicePrekeys(suite, bob.signing.privateKey, NOW, 1);
  const opk = prekeys.oneTime[0];
  if (!opk) throw new Error('one one-time prekey');
  const conversationId = random(16);
  const lookup =
    (peer: typeof alice) =>
    (id: Uint8Array): SenderDevice =>
      equalBytes(id, peer.deviceId)
        ? { status: 'active', identityKey: peer.identityKey.publicKey }
        : { status: 'unknown' };

  const bundle = {
    ...bob.keys,
    signedPrekey: publicSignedPrekey(prekeys.signed),
    oneTimePrekey: { id: opk.id, publicKey: opk.keyPair.publicKey },
  };
  const first = await fanOut({
    suite,
    sender: alice,
    sessions: new Map(),
    recipients: [{ ...bob.keys, bundle }],
    conversationId,
    plaintext: utf8('gm, 1 ETH for your punk?'),
    now: NOW,
  });
  const firstBytes = first.envelopes[0]?.bytes as Uint8Array;
  const atBob = await receiveRatchet({
    suite,
    sessions: new Map(),
    myDevice: bob,
    envelope: firstBytes,
    lookupSender: lookup(alice),
    prekeys: prekeyStoreOf(prekeys, NOW),
    now: NOW,
  });
  const reply = await fanOut({
    suite,
    sender: bob,
    sessions: atBob.sessions,
    recipients: [alice.keys],
    conversationId,
    plaintext: utf8('make it 2'),
    now: NOW,
  });
  const replyBytes = reply.envelopes[0]?.bytes as Uint8Array;
  const atAlice = await receiveRatchet({
    suite,
    sessions: first.sessions,
    myDevice: alice,
    envelope: replyBytes,
    lookupSender: lookup(bob),
    prekeys: { signedPrekey: () => undefined, oneTimePrekey: () => undefined },
    now: NOW,
  });
  const party = (d: typeof alice) => ({
    deviceId: hex(d.deviceId),
    identityPrivateKey: hex(d.identityKey.privateKey),
    identityPublicKey: hex(d.identityKey.publicKey),
    signingPrivateKey: hex(d.signing.privateKey),
    signingPublicKey: hex(d.signing.publicKey),
  });
  return {
    description: 'Alice first (prekey) message to Bob and his reply; docs/protocol.md section 5',
    seed: SEED,
    now: NOW,
    conversationId: hex(conversationId),
    alice: party(alice),
    bob: {
      ...party(bob),
      signedPrekey: {
        id: prekeys.signed.id,
        privateKey: hex(prekeys.signed.keyPair.privateKey),
        publicKey: hex(prekeys.signed.keyPair.publicKey),
        signature: hex(prekeys.signed.signature),
      },
      oneTimePrekey: {
        id: opk.id,
        privateKey: hex(opk.keyPair.privateKey),
        publicKey: hex(opk.keyPair.publicKey),
      },
    },
    first: { plaintext: new TextDecoder().decode(atBob.plaintext), envelope: hex(firstBytes) },
    reply: { plaintext: new TextDecoder().decode(atAlice.plaintext), envelope: hex(replyBytes) },
  };
}

type Vector = Awaited<ReturnType<typeof generate>>;

describe('frozen ratchet vector', async () => {
  const noble = await generate('noble');
  if (process.env.UPDATE_VECTORS === '1') writeFileSync(FILE, `${JSON.stringify(noble, null, 2)}\n`);
  const frozen = JSON.parse(readFileSync(FILE, 'utf8')) as Vector;

  it('is reproduced byte for byte on both backends', async () => {
    expect(noble).toEqual(frozen);
    expect(await generate('webcrypto')).toEqual(frozen);
  });

  it('the first message opens for a Bob built only from the keys in the file', async () => {
    const suite = await createSuite({ backend: 'noble' });
    const spk = frozen.bob.signedPrekey;
    const opk = frozen.bob.oneTimePrekey;
    const pair = (k: { privateKey: string; publicKey: string }) => ({
      privateKey: hexToBytes(k.privateKey),
      publicKey: hexToBytes(k.publicKey),
    });
    const store: PrekeyStore = {
      signedPrekey: (id) => (id === spk.id ? pair(spk) : undefined),
      oneTimePrekey: (id) => (id === opk.id ? pair(opk) : undefined),
    };
    const out = await receiveRatchet({
      suite,
      sessions: new Map(),
      myDevice: {
        deviceId: hexToBytes(frozen.bob.deviceId),
        identityKey: pair({
          privateKey: frozen.bob.identityPrivateKey,
          publicKey: frozen.bob.identityPublicKey,
        }),
      },
      envelope: hexToBytes(frozen.first.envelope),
      lookupSender: () => ({ status: 'active', identityKey: hexToBytes(frozen.alice.identityPublicKey) }),
      prekeys: store,
      now: frozen.now,
    });
    expect(new TextDecoder().decode(out.plaintext)).toBe('gm, 1 ETH for your punk?');
    expect(out.usedOneTimePrekeyId).toBe(opk.id);
    const first = decodeRatchetMessage(hexToBytes(frozen.first.envelope)).header;
    expect(first.prekey?.signedPrekeyId).toBe(spk.id);
    const reply = decodeRatchetMessage(hexToBytes(frozen.reply.envelope)).header;
    expect([reply.prekey, reply.previousCounter, reply.counter]).toEqual([null, 0, 0]);
  });
});

// Double Ratchet throughput for 1 KiB messages (docs/protocol.md §5.6-§5.7): the symmetric path
// (one chain, no DH step) encrypting and decrypting, on the WebCrypto and noble suites, plus a
// ping-pong run where every message carries a DH ratchet step. Prints messages/s.
// Run: node --import tsx bench/crypto/ratchet.bench.ts

import { createDevicePrekeys, prekeyStoreOf } from '../../packages/crypto/src/prekeys/device-prekeys';
import { publicSignedPrekey } from '../../packages/crypto/src/prekeys/signed-prekey';
import { xchachaSeal } from '../../packages/crypto/src/primitives/aead';
import { systemRandom } from '../../packages/crypto/src/primitives/random';
import { type Backend, type CryptoSuite, createSuite } from '../../packages/crypto/src/primitives/suite';
import { decodeRatchetMessage, ratchetDecrypt } from '../../packages/crypto/src/ratchet/ratchet-decrypt';
import { disposeRatchetState } from '../../packages/crypto/src/ratchet/ratchet-dispose';
import { ratchetEncrypt } from '../../packages/crypto/src/ratchet/ratchet-encrypt';
import { initiatorState, responderState } from '../../packages/crypto/src/ratchet/ratchet-session';
import type { RatchetState } from '../../packages/crypto/src/ratchet/ratchet-state';
import { x3dhInitiate, x3dhRespond } from '../../packages/crypto/src/x3dh/x3dh';

const NOW = Date.UTC(2026, 0, 1);
const PLAINTEXT = new Uint8Array(1024).fill(0x61);
const SECONDS = 2;

async function pair(suite: CryptoSuite): Promise<{ a: RatchetState; b: RatchetState; conv: Uint8Array }> {
  const conv = suite.random(16);
  const alice = { deviceId: suite.random(16), identityKey: await suite.x25519.generateKeyPair() };
  const bob = { deviceId: suite.random(16), identityKey: await suite.x25519.generateKeyPair() };
  const signing = await suite.ed25519.generateKeyPair();
  const prekeys = await createDevicePrekeys(suite, signing.privateKey, NOW, 1);
  const keys = {
    deviceId: bob.deviceId,
    identityKey: bob.identityKey.publicKey,
    signingKey: signing.publicKey,
  };
  const bundle = { ...keys, signedPrekey: publicSignedPrekey(prekeys.signed) };
  const init = await x3dhInitiate(suite, alice, bundle, keys);
  const a = await initiatorState(suite, init, prekeys.signed.keyPair.publicKey, {
    localDevice: alice.deviceId,
    remoteDevice: bob.deviceId,
    remoteIdentityKey: bob.identityKey.publicKey,
    now: NOW,
  });
  const first = await ratchetEncrypt(suite, a, { conversationId: conv, plaintext: PLAINTEXT, now: NOW });
  const m = decodeRatchetMessage(first.envelope);
  if (!m.header.prekey) throw new Error('expected a prekey message');
  const resp = await x3dhRespond(
    suite,
    bob,
    alice.deviceId,
    alice.identityKey.publicKey,
    m.header.prekey,
    prekeyStoreOf(prekeys, NOW),
  );
  const b0 = responderState(resp, m.header.prekey.baseKey, {
    localDevice: bob.deviceId,
    remoteDevice: alice.deviceId,
    remoteIdentityKey: alice.identityKey.publicKey,
    now: NOW,
  });
  const opened = await ratchetDecrypt(suite, b0, m, NOW);
  return { a: first.state, b: opened.state, conv };
}

async function symmetric(backend: Backend): Promise<{ encrypt: number; decrypt: number }> {
  const suite = await createSuite({ backend });
  let { a, b, conv } = await pair(suite);
  const envelopes: Uint8Array[] = [];
  let start = performance.now();
  while (performance.now() - start < SECONDS * 1000) {
    for (let i = 0; i < 100; i++) {
      const out = await ratchetEncrypt(suite, a, { conversationId: conv, plaintext: PLAINTEXT, now: NOW });
      disposeRatchetState(a, out.state);
      a = out.state;
      envelopes.push(out.envelope);
    }
  }
  const encrypt = envelopes.length / ((performance.now() - start) / 1000);
  start = performance.now();
  for (const e of envelopes) {
    const out = await ratchetDecrypt(suite, b, decodeRatchetMessage(e), NOW);
    disposeRatchetState(b, out.state);
    b = out.state;
  }
  const decrypt = envelopes.length / ((performance.now() - start) / 1000);
  return { encrypt, decrypt };
}

async function pingPong(backend: Backend): Promise<number> {
  const suite = await createSuite({ backend });
  let { a, b, conv } = await pair(suite);
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < SECONDS * 1000) {
    const out = await ratchetEncrypt(suite, b, { conversationId: conv, plaintext: PLAINTEXT, now: NOW });
    b = out.state;
    a = (await ratchetDecrypt(suite, a, decodeRatchetMessage(out.envelope), NOW)).state;
    [a, b] = [b, a];
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

/** The floor under the symmetric path: one XChaCha20-Poly1305 seal of the padded body alone. */
function aeadOnly(): number {
  const key = new Uint8Array(32).fill(7);
  const body = new Uint8Array(1280);
  const aad = new Uint8Array(101);
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < SECONDS * 1000) {
    for (let i = 0; i < 100; i++) xchachaSeal(key, systemRandom(24), body, aad);
    count += 100;
  }
  return count / ((performance.now() - start) / 1000);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(8);
console.log('Double Ratchet, 1 KiB plaintext (1,280-byte padded body), messages/s');
console.log(`reference  XChaCha20-Poly1305 seal of 1,280 bytes alone ${fmt(aeadOnly())}`);
for (const backend of ['webcrypto', 'noble'] as const) {
  const s = await symmetric(backend);
  const p = await pingPong(backend);
  console.log(
    `${backend.padEnd(9)}  encrypt ${fmt(s.encrypt)}  decrypt ${fmt(s.decrypt)}  ping-pong (DH step each) ${fmt(p)}`,
  );
}

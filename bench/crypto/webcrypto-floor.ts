// The floor under the group figures: what bare WebCrypto does on this machine, right now, with no
// Parley code around it. Group seal cannot beat one Ed25519 signature per message, group open
// cannot beat one verification, and a rotation (a fresh HPKE ephemeral key per device, RFC 9180
// §5.1.1) cannot beat one X25519 key generation, public-key export and derivation per device.
// group.bench.ts interleaves floor chunks with the figures' chunks, so both see the same load, and
// reports ratios, which the load of a shared machine distorts far less than absolute throughput.
import { inFlight, type Throughput } from './bench-harness';

export interface FloorKit {
  /** `count` Ed25519 signatures over a 1.4 KB message (a group signing input), IN_FLIGHT at once. */
  sign(count: number): Promise<Throughput<unknown>>;
  verify(count: number): Promise<Throughput<unknown>>;
  /** X25519 key pairs generated, IN_FLIGHT at once. */
  keygen(count: number): Promise<Throughput<unknown>>;
  derive(count: number): Promise<Throughput<unknown>>;
  /** ms for `devices` × (generateKey + export of the raw public key + deriveBits), all in flight. */
  wrap(): Promise<number>;
}

const subtle = globalThis.crypto.subtle;
const X25519 = { name: 'X25519' };

async function x25519Pair(): Promise<CryptoKeyPair> {
  const pair = await subtle.generateKey(X25519, false, ['deriveBits']);
  if (!('privateKey' in pair)) throw new Error('no key pair');
  return pair;
}

export async function floorKit(devices: number): Promise<FloorKit> {
  const ed = await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
  if (!('privateKey' in ed)) throw new Error('no key pair');
  const message = new Uint8Array(1400).fill(0x62);
  const signature = await subtle.sign('Ed25519', ed.privateKey, message);
  const self = await x25519Pair();
  const peer = await x25519Pair();
  const peers = await Promise.all(
    Array.from({ length: devices }, async () => {
      const raw = await subtle.exportKey('raw', (await x25519Pair()).publicKey);
      return subtle.importKey('raw', raw, X25519, false, []);
    }),
  );
  const kit: FloorKit = {
    sign: (count) => inFlight(count, () => subtle.sign('Ed25519', ed.privateKey, message)),
    verify: (count) => inFlight(count, () => subtle.verify('Ed25519', ed.publicKey, signature, message)),
    keygen: (count) => inFlight(count, () => x25519Pair()),
    derive: (count) =>
      inFlight(count, () =>
        subtle.deriveBits({ name: 'X25519', public: peer.publicKey }, self.privateKey, 256),
      ),
    async wrap() {
      const start = performance.now();
      await Promise.all(
        peers.map(async (pub) => {
          const e = await x25519Pair();
          return Promise.all([
            subtle.exportKey('raw', e.publicKey),
            subtle.deriveBits({ name: 'X25519', public: pub }, e.privateKey, 256),
          ]);
        }),
      );
      return performance.now() - start;
    },
  };
  // Warm-up: the JIT and the libuv pool's threads.
  await kit.sign(256);
  await kit.verify(256);
  await kit.wrap();
  return kit;
}

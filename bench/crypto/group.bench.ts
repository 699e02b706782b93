// Group crypto figures (docs/protocol.md §6): seal (encrypt + sign) and open (verify + decrypt) of
// 1 KiB group messages with 64 operations in flight, and a 1,000-device rotation (fresh secret,
// every HPKE wrap, the signatures), for the WebCrypto and noble suites. Each figure is printed next
// to the primitive that bounds it, measured in the same run. Prints figures; asserts nothing.
// Run: node --import tsx bench/crypto/group.bench.ts   (about 20-40 s on the 2-core dev machine,
// depending on its load; the load average is printed first, and CPU time per operation beside
// each figure, which a busy machine distorts less than wall-clock throughput)
import { createEpoch, rotateEpoch } from '../../packages/crypto/src/group/epoch-state';
import { sealEpochWraps } from '../../packages/crypto/src/group/epoch-wrap-seal';
import type { GroupMember } from '../../packages/crypto/src/group/group-member';
import { openGroupMessage } from '../../packages/crypto/src/group/group-open';
import { type SealedGroupMessage, sealGroupMessage } from '../../packages/crypto/src/group/group-seal';
import { createGroupSession } from '../../packages/crypto/src/group/group-session';
import { sha256 } from '../../packages/crypto/src/primitives/kdf';
import { type CryptoSuite, createSuite } from '../../packages/crypto/src/primitives/suite';

const IN_FLIGHT = 64;
const MESSAGE = new Uint8Array(1024).fill(0x61);
const ROTATION_DEVICES = 1000;

/** Process CPU time (all threads, so WebCrypto's pool too), in microseconds. */
function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/**
 * Runs `count` operations, IN_FLIGHT at a time. Reports wall-clock throughput and the CPU time
 * per operation: on a shared machine the first drops with the load, the second much less.
 */
async function inFlight<T>(
  count: number,
  op: (i: number) => Promise<T>,
): Promise<{ perSecond: number; cpuPerOp: number; out: T[] }> {
  const out: T[] = [];
  const start = performance.now();
  const cpu0 = cpuMicros();
  for (let i = 0; i < count; i += IN_FLIGHT) {
    const n = Math.min(IN_FLIGHT, count - i);
    out.push(...(await Promise.all(Array.from({ length: n }, (_, j) => op(i + j)))));
  }
  return {
    perSecond: (count / (performance.now() - start)) * 1000,
    cpuPerOp: (cpuMicros() - cpu0) / count,
    out,
  };
}

async function device(suite: CryptoSuite) {
  const signing = await suite.ed25519.generateKeyPair();
  const agreement = await suite.x25519.generateKeyPair();
  const member: GroupMember = {
    deviceId: suite.random(16),
    signingKey: signing.publicKey,
    agreementKey: agreement.publicKey,
  };
  return { member, signingPrivateKey: signing.privateKey };
}

async function messages(suite: CryptoSuite, count: number) {
  const a = await device(suite);
  const b = await device(suite);
  const epoch = createEpoch({
    random: suite.random,
    conversationId: suite.random(16),
    stateHash: sha256(new Uint8Array(1)),
    members: [a.member, b.member],
    now: Date.now(),
  });
  const sa = createGroupSession({ selfDevice: a.member.deviceId, epoch });
  const sb = createGroupSession({
    selfDevice: b.member.deviceId,
    epoch: { ...epoch, epochSecret: epoch.epochSecret.slice() },
  });
  for (let i = 0; i < 64; i++) {
    // Warm-up: key-import caches and the JIT.
    await openGroupMessage(
      suite,
      sb,
      (await sealGroupMessage(suite, sa, a.signingPrivateKey, MESSAGE)).envelope,
    );
  }
  const sealed = await inFlight(count, () => sealGroupMessage(suite, sa, a.signingPrivateKey, MESSAGE));
  const envelope = (i: number) => (sealed.out[i] as SealedGroupMessage).envelope;
  const opened = await inFlight(count, (i) => openGroupMessage(suite, sb, envelope(i)));
  const sample = envelope(0);
  const sig = sample.subarray(sample.length - 64);
  const rawSign = await inFlight(count, () => suite.ed25519.sign(a.signingPrivateKey, sample));
  const rawVerify = await inFlight(count, () => suite.ed25519.verify(a.member.signingKey, sample, sig));
  return { sealed, opened, rawSign: rawSign.perSecond, rawVerify: rawVerify.perSecond };
}

/** WebCrypto Ed25519 verify without the shared acceptance policy (ed25519-policy.ts) in front. */
async function bareWebCryptoVerify(count: number): Promise<number> {
  const subtle = globalThis.crypto.subtle;
  const pair = (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const msg = new Uint8Array(1400);
  const sig = await subtle.sign('Ed25519', pair.privateKey, msg);
  return (await inFlight(count, () => subtle.verify('Ed25519', pair.publicKey, sig, msg))).perSecond;
}

async function rotation(suite: CryptoSuite, runs: number) {
  const admin = await device(suite);
  // Recipient keys only need to be valid X25519 public keys, which random 32-byte strings are.
  const others: GroupMember[] = Array.from({ length: ROTATION_DEVICES - 1 }, () => ({
    deviceId: suite.random(16),
    signingKey: suite.random(32),
    agreementKey: suite.random(32),
  }));
  const members = [admin.member, ...others];
  let epoch = createEpoch({
    random: suite.random,
    conversationId: suite.random(16),
    stateHash: sha256(new Uint8Array(2)),
    members,
    now: Date.now(),
  });
  const times: number[] = [];
  const cpu: number[] = [];
  let envelopes = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const cpu0 = cpuMicros();
    epoch = rotateEpoch(epoch, {
      random: suite.random,
      stateHash: sha256(new Uint8Array([3, r])),
      members,
      now: Date.now(),
    });
    const wraps = await sealEpochWraps(suite, {
      epoch,
      recipients: members,
      admin: { deviceId: admin.member.deviceId, signingPrivateKey: admin.signingPrivateKey },
    });
    times.push(performance.now() - start);
    cpu.push((cpuMicros() - cpu0) / 1000);
    envelopes = wraps.length;
  }
  times.sort((x, y) => x - y);
  cpu.sort((x, y) => x - y);
  return {
    best: times[0] ?? 0,
    median: times[Math.floor(times.length / 2)] ?? 0,
    cpu: cpu[0] ?? 0,
    envelopes,
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const started = performance.now();
console.log(
  `load average at start: ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (2 cores)`,
);

for (const backend of ['webcrypto', 'noble'] as const) {
  const suite = await createSuite({ backend });
  const tag = backend.padEnd(9);
  const m = await messages(suite, backend === 'webcrypto' ? 4096 : 512);
  console.log(
    `${tag} group seal (encrypt+sign, 1 KiB, ${IN_FLIGHT} in flight): ${fmt(m.sealed.perSecond)} msgs/s` +
      ` (${fmt(m.sealed.cpuPerOp)} CPU-us/msg)` +
      `   [suite Ed25519 sign alone: ${fmt(m.rawSign)}/s]`,
  );
  console.log(
    `${tag} group open (verify+decrypt, 1 KiB, ${IN_FLIGHT} in flight): ${fmt(m.opened.perSecond)} msgs/s` +
      ` (${fmt(m.opened.cpuPerOp)} CPU-us/msg)` +
      `   [suite Ed25519 verify alone: ${fmt(m.rawVerify)}/s]`,
  );
  if (backend === 'webcrypto') {
    console.log(
      `${tag}   [WebCrypto Ed25519 verify without the shared policy check: ${fmt(await bareWebCryptoVerify(4096))}/s]`,
    );
  }
  const r = await rotation(suite, backend === 'webcrypto' ? 3 : 1);
  console.log(
    `${tag} rotation, ${fmt(ROTATION_DEVICES)} devices (fresh secret + HPKE wraps + ${r.envelopes} signatures): ` +
      `best ${fmt(r.best)} ms, median ${fmt(r.median)} ms (${fmt(r.cpu)} CPU-ms)`,
  );
}
console.log(`(total ${((performance.now() - started) / 1000).toFixed(1)} s)`);

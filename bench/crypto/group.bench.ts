// Group crypto figures (docs/protocol.md §6) against issue 2's targets: seal (encrypt + sign) and
// open (verify + decrypt) of 1 KiB group messages with 64 operations in flight, and a 1,000-device
// rotation (fresh secret, every HPKE wrap, the signatures), for the WebCrypto and noble suites.
//
// The machine is shared, so each WebCrypto figure is also given as a ratio of the bare-WebCrypto
// floor that bounds it (webcrypto-floor.ts), measured in the same run, in chunks interleaved with
// the figure's own chunks so that both see the same load. Prints a table; asserts nothing.
// Run: node --import tsx bench/crypto/group.bench.ts   (about 30-60 s on the 2-core dev machine)
import { createEpoch, rotateEpoch } from '../../packages/crypto/src/group/epoch-state';
import { sealEpochWraps } from '../../packages/crypto/src/group/epoch-wrap-seal';
import type { GroupMember } from '../../packages/crypto/src/group/group-member';
import { openGroupMessage } from '../../packages/crypto/src/group/group-open';
import { type SealedGroupMessage, sealGroupMessage } from '../../packages/crypto/src/group/group-seal';
import { createGroupSession } from '../../packages/crypto/src/group/group-session';
import { sha256 } from '../../packages/crypto/src/primitives/kdf';
import { type CryptoSuite, createSuite } from '../../packages/crypto/src/primitives/suite';
import { fmt, IN_FLIGHT, inFlight, loadLine, type Throughput, timed } from './bench-harness';
import { floorKit } from './webcrypto-floor';

const MESSAGE = new Uint8Array(1024).fill(0x61);
const ROTATION_DEVICES = 1000;
const TARGET = { seal: 10_000, open: 8_000, rotationMs: 200 };

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

/** A two-device group, warmed up: `seal` makes envelopes, `open` opens them in the same order. */
async function messagePair(suite: CryptoSuite) {
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
  const seal = (count: number) =>
    inFlight(count, () => sealGroupMessage(suite, sa, a.signingPrivateKey, MESSAGE));
  const open = (sealed: readonly SealedGroupMessage[]) =>
    inFlight(sealed.length, (i) => openGroupMessage(suite, sb, (sealed[i] as SealedGroupMessage).envelope));
  await open((await seal(256)).out); // warm-up: key-import caches and the JIT
  return { seal, open };
}

/** Sums chunks of one measurement: total operations over total seconds, CPU per operation. */
function total() {
  let ops = 0;
  let seconds = 0;
  let cpu = 0;
  return {
    add<T>(count: number, t: Throughput<T>): Throughput<T> {
      ops += count;
      seconds += count / t.perSecond;
      cpu += count * t.cpuPerOp;
      return t;
    },
    get perSecond() {
      return ops / seconds;
    },
    get cpuPerOp() {
      return cpu / ops;
    },
  };
}

async function rotation(suite: CryptoSuite, runs: number, beforeEach?: () => Promise<void>) {
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
  let envelopes = 0;
  const rotate = async (r: number) => {
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
    envelopes = wraps.length;
  };
  // The first rotation also imports the 1,000 recipient keys into the key cache, once per process.
  const first = await timed(1, rotate);
  // beforeEach runs outside the timing: the floor's chunk of the same load.
  const rest = runs > 0 ? await timed(runs, (r) => rotate(r + 1), beforeEach) : first;
  return { first: first.best, ...rest, envelopes };
}

const started = performance.now();
console.log(`${loadLine()} at start`);

const web = await createSuite({ backend: 'webcrypto' });
const kit = await floorKit(ROTATION_DEVICES);
const pair = await messagePair(web);
const ROUNDS = 8;
const CHUNK = 1024;
const [sign, seal, verify, open] = [total(), total(), total(), total()];
for (let round = 0; round < ROUNDS; round++) {
  sign.add(CHUNK, await kit.sign(CHUNK));
  const sealed = seal.add(CHUNK, await pair.seal(CHUNK));
  verify.add(CHUNK, await kit.verify(CHUNK));
  open.add(CHUNK, await pair.open(sealed.out));
}
const keygen = await kit.keygen(2048);
const derive = await kit.derive(4096);
const RUNS = 5;
const floorWrap: number[] = [];
const r = await rotation(web, RUNS, async () => {
  floorWrap.push(await kit.wrap());
});
const wrapFloor = Math.min(...floorWrap);

const ratio = (x: number) => x.toFixed(2);
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(`\nWebCrypto path, ${IN_FLIGHT} in flight; floor chunks interleaved with the figures' chunks`);
console.log(
  '| figure | target | measured | CPU | bare-WebCrypto floor, same run | ratio to floor |\n|---|---|---|---|---|---|',
);
console.log(
  `| group seal (encrypt+sign, 1 KiB) | ≥ ${fmt(TARGET.seal)}/s | ${fmt(seal.perSecond)}/s (${met(seal.perSecond >= TARGET.seal)}) ` +
    `| ${fmt(seal.cpuPerOp)} µs/msg | Ed25519 sign ${fmt(sign.perSecond)}/s (${fmt(sign.cpuPerOp)} µs) | ${ratio(seal.perSecond / sign.perSecond)} |`,
);
console.log(
  `| group open (verify+decrypt, 1 KiB) | ≥ ${fmt(TARGET.open)}/s | ${fmt(open.perSecond)}/s (${met(open.perSecond >= TARGET.open)}) ` +
    `| ${fmt(open.cpuPerOp)} µs/msg | Ed25519 verify ${fmt(verify.perSecond)}/s (${fmt(verify.cpuPerOp)} µs) | ${ratio(open.perSecond / verify.perSecond)} |`,
);
console.log(
  `| rotation, ${fmt(ROTATION_DEVICES)} devices (${r.envelopes} wrap envelopes) | < ${TARGET.rotationMs} ms ` +
    `| best ${fmt(r.best)} ms, median ${fmt(r.median)} ms (${met(r.best < TARGET.rotationMs)}) | ${fmt(r.cpu)} ms ` +
    `| ${fmt(ROTATION_DEVICES)} × X25519 keygen+export+derive, best ${fmt(wrapFloor)} ms | ${ratio(wrapFloor / r.best)} |`,
);
console.log(
  `first rotation (imports the ${fmt(ROTATION_DEVICES)} recipient keys) ${fmt(r.first)} ms; ` +
    `X25519 alone: keygen ${fmt(keygen.perSecond)}/s, derive ${fmt(derive.perSecond)}/s`,
);

const noble = await createSuite({ backend: 'noble' });
const np = await messagePair(noble);
const ns = await np.seal(512);
const no = await np.open(ns.out);
const nr = await rotation(noble, 0);
console.log(
  `\nnoble path: seal ${fmt(ns.perSecond)}/s (${fmt(ns.cpuPerOp)} µs/msg), ` +
    `open ${fmt(no.perSecond)}/s (${fmt(no.cpuPerOp)} µs/msg), ` +
    `rotation ${fmt(nr.best)} ms (${fmt(nr.cpu)} CPU-ms)`,
);
console.log(`${loadLine()} at end; total ${((performance.now() - started) / 1000).toFixed(1)} s`);

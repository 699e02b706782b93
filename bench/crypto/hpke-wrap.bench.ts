// Wraps one 32-byte group epoch secret to 1,000 devices with HPKE base mode, the way a group
// rotation does (all seals in flight at once with Promise.all), and prints the time per backend.
// Run: node --import tsx bench/crypto/hpke-wrap.bench.ts
//
// It also prints the process CPU time (main thread + libuv threads, where WebCrypto runs) and the
// load average: on a shared 2-core machine the wall time mostly measures the other processes.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sealBase } from '../../packages/crypto/src/hpke/hpke';
import { type Backend, type CryptoSuite, createSuite } from '../../packages/crypto/src/primitives/suite';

const DEVICES = 1000;
const ROUNDS = 5;

interface Timing {
  wallMs: number;
  cpuMs: number;
}

async function wrapAll(suite: CryptoSuite, recipients: Uint8Array[], secret: Uint8Array): Promise<Timing> {
  const info = new TextEncoder().encode('parley/v1/bench/epoch-wrap');
  const aad = new TextEncoder().encode('group-id|epoch-7');
  const cpu = process.cpuUsage();
  const start = performance.now();
  const out = await Promise.all(
    recipients.map((recipientPublicKey) =>
      sealBase({ recipientPublicKey, info, aad, plaintext: secret, suite }),
    ),
  );
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (out.length !== recipients.length) throw new Error('missing wraps');
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

async function run(backend: Exclude<Backend, 'auto'>): Promise<void> {
  const suite = await createSuite({ backend });
  const recipients: Uint8Array[] = [];
  for (let i = 0; i < DEVICES; i++) recipients.push((await suite.x25519.generateKeyPair()).publicKey);
  const secret = suite.random(32);
  await wrapAll(suite, recipients.slice(0, 50), secret); // warm-up (JIT, key import paths)
  const runs: Timing[] = [];
  for (let r = 0; r < ROUNDS; r++) runs.push(await wrapAll(suite, recipients, secret));
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const wall = runs.map((t) => t.wallMs);
  const cpu = runs.map((t) => t.cpuMs);
  console.log(
    `hpke wrap x${DEVICES} (${backend}): wall median ${median([...wall]).toFixed(0)} ms, ` +
      `best ${Math.min(...wall).toFixed(0)} ms; CPU median ${median([...cpu]).toFixed(0)} ms; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
}

await run('webcrypto');
await run('noble');

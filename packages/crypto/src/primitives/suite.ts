// The CryptoSuite: the asymmetric primitives and the random source, chosen once at start-up and
// passed to every construction. Feature detection runs a known-answer test on WebCrypto, so a
// runtime with a broken or missing implementation falls back to noble rather than misbehaving.
import { bytesToHex, hexToBytes } from './bytes';
import { type Ed25519, nobleEd25519, webCryptoEd25519 } from './ed25519';
import { type Random, systemRandom } from './random';
import { nobleX25519, webCryptoX25519, type X25519 } from './x25519';

export interface CryptoSuite {
  readonly ed25519: Ed25519;
  readonly x25519: X25519;
  readonly random: Random;
}

export type Backend = 'auto' | 'webcrypto' | 'noble';

export interface SuiteOptions {
  /** 'auto' (default) uses WebCrypto for each algorithm that passes its known-answer test. */
  backend?: Backend;
  random?: Random;
  subtle?: SubtleCrypto;
}

// RFC 8032 §7.1 test 1 and RFC 7748 §6.1.
const ED_SEED = hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const ED_SIG =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';
const X_A = hexToBytes('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
const X_B_PUB = hexToBytes('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');

async function webEdWorks(subtle: SubtleCrypto, random: Random): Promise<Ed25519 | undefined> {
  try {
    const ed = webCryptoEd25519(subtle, random);
    const sig = await ed.sign(ED_SEED, new Uint8Array(0));
    if (bytesToHex(sig) !== ED_SIG) return undefined;
    const pub = await ed.publicKeyOf(ED_SEED);
    return (await ed.verify(pub, new Uint8Array(0), sig)) ? ed : undefined;
  } catch {
    return undefined;
  }
}

async function webXWorks(subtle: SubtleCrypto, random: Random): Promise<X25519 | undefined> {
  try {
    const x = webCryptoX25519(subtle, random);
    const n = nobleX25519(random);
    const a = await x.sharedSecret(X_A, X_B_PUB);
    const b = await n.sharedSecret(X_A, X_B_PUB);
    return bytesToHex(a) === bytesToHex(b) ? x : undefined;
  } catch {
    return undefined;
  }
}

export async function createSuite(options: SuiteOptions = {}): Promise<CryptoSuite> {
  const random = options.random ?? systemRandom;
  const backend = options.backend ?? 'auto';
  const subtle = options.subtle ?? globalThis.crypto?.subtle;
  if (backend === 'noble' || !subtle) {
    if (backend === 'webcrypto') throw new Error('WebCrypto is not available in this runtime');
    return { ed25519: nobleEd25519(random), x25519: nobleX25519(random), random };
  }
  const [ed, x] = await Promise.all([webEdWorks(subtle, random), webXWorks(subtle, random)]);
  if (backend === 'webcrypto' && (!ed || !x)) {
    throw new Error('WebCrypto Ed25519/X25519 failed its known-answer test in this runtime');
  }
  return { ed25519: ed ?? nobleEd25519(random), x25519: x ?? nobleX25519(random), random };
}

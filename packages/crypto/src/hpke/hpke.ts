// HPKE base mode (RFC 9180 §5.1.1, §6.1) with DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 /
// ChaCha20Poly1305: kem_id 0x0020, kdf_id 0x0001, aead_id 0x0003 (docs/protocol.md §3).
// Parley uses it to wrap keys to a device's X25519 key; `info` and `aad` are set by the caller.
import { CryptoError } from '../errors';
import type { CryptoSuite } from '../primitives/suite';
import { createSuite } from '../primitives/suite';
import { RecipientContext, SenderContext } from './context';
import { decap, encap } from './dhkem';
import { keyScheduleBase } from './key-schedule';
import { N_ENC, N_PK, N_SK, N_T } from './labeled-kdf';

/**
 * The suite used when the caller passes none. The issue fixes sealBase/openBase with `suite`
 * optional, so they must work standalone; a noble suite needs no runtime feature detection and
 * is the same everywhere. It is created once, on first use, so importing this module costs
 * nothing. Callers on a hot path (group epoch wraps) pass their WebCrypto suite instead.
 */
let defaultSuite: Promise<CryptoSuite> | undefined;

function suiteOrDefault(suite: CryptoSuite | undefined): Promise<CryptoSuite> | CryptoSuite {
  if (suite !== undefined) return suite;
  defaultSuite ??= createSuite({ backend: 'noble' });
  return defaultSuite;
}

function assertBytes(value: unknown, what: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new CryptoError('bad_input', `${what} must be bytes`);
}

function assertSize(value: unknown, length: number, what: string): asserts value is Uint8Array {
  assertBytes(value, what);
  if (value.length !== length) throw new CryptoError('bad_input', `${what} must be ${length} bytes`);
}

export interface SetupBaseSParams {
  readonly recipientPublicKey: Uint8Array;
  readonly info: Uint8Array;
  /** Known-answer tests only: pins the ephemeral key. Never set it in production code. */
  readonly ephemeralPrivateKey?: Uint8Array;
  readonly suite?: CryptoSuite;
  /** Derive the exporter secret so that `context.export` works. */
  readonly exporter?: boolean;
}

export interface SetupBaseRParams {
  readonly recipientPrivateKey: Uint8Array;
  readonly enc: Uint8Array;
  readonly info: Uint8Array;
  readonly suite?: CryptoSuite;
  readonly exporter?: boolean;
}

/** SetupBaseS(pkR, info): the sender context and the enc to send with it. */
export async function setupBaseS(
  params: SetupBaseSParams,
): Promise<{ enc: Uint8Array; context: SenderContext }> {
  assertSize(params.recipientPublicKey, N_PK, 'HPKE recipient public key');
  assertBytes(params.info, 'HPKE info');
  if (params.ephemeralPrivateKey !== undefined) {
    assertSize(params.ephemeralPrivateKey, N_SK, 'HPKE ephemeral private key');
  }
  const suite = await suiteOrDefault(params.suite);
  const { sharedSecret, enc } = await encap(
    suite.x25519,
    params.recipientPublicKey,
    params.ephemeralPrivateKey,
  );
  try {
    return { enc, context: new SenderContext(keyScheduleBase(sharedSecret, params.info, params.exporter)) };
  } finally {
    sharedSecret.fill(0);
  }
}

/** SetupBaseR(enc, skR, info): the recipient context. */
export async function setupBaseR(params: SetupBaseRParams): Promise<RecipientContext> {
  assertSize(params.recipientPrivateKey, N_SK, 'HPKE recipient private key');
  assertSize(params.enc, N_ENC, 'HPKE enc');
  assertBytes(params.info, 'HPKE info');
  const suite = await suiteOrDefault(params.suite);
  const sharedSecret = await decap(suite.x25519, params.enc, params.recipientPrivateKey);
  try {
    return new RecipientContext(keyScheduleBase(sharedSecret, params.info, params.exporter));
  } finally {
    sharedSecret.fill(0);
  }
}

export interface SealBaseParams {
  readonly recipientPublicKey: Uint8Array;
  readonly info: Uint8Array;
  readonly aad: Uint8Array;
  readonly plaintext: Uint8Array;
  /** Known-answer tests only: pins the ephemeral key. Never set it in production code. */
  readonly ephemeralPrivateKey?: Uint8Array;
  readonly suite?: CryptoSuite;
}

export interface OpenBaseParams {
  readonly recipientPrivateKey: Uint8Array;
  readonly enc: Uint8Array;
  readonly info: Uint8Array;
  readonly aad: Uint8Array;
  readonly ciphertext: Uint8Array;
  readonly suite?: CryptoSuite;
}

/** Single-shot SealBase (§6.1): one message under a fresh ephemeral key. */
export async function sealBase(params: SealBaseParams): Promise<{ enc: Uint8Array; ciphertext: Uint8Array }> {
  assertBytes(params.aad, 'HPKE aad');
  assertBytes(params.plaintext, 'HPKE plaintext');
  const setup: SetupBaseSParams = {
    recipientPublicKey: params.recipientPublicKey,
    info: params.info,
    ...(params.ephemeralPrivateKey === undefined ? {} : { ephemeralPrivateKey: params.ephemeralPrivateKey }),
    ...(params.suite === undefined ? {} : { suite: params.suite }),
  };
  const { enc, context } = await setupBaseS(setup);
  try {
    return { enc, ciphertext: context.seal(params.aad, params.plaintext) };
  } finally {
    context.destroy();
  }
}

/**
 * Single-shot OpenBase (§6.1). Errors: CryptoError('bad_input') for wrong lengths,
 * ('bad_key') for a small-order enc, ('bad_mac') for anything that fails authentication
 * (wrong key, wrong info or aad, a modified enc or ciphertext).
 */
export async function openBase(params: OpenBaseParams): Promise<Uint8Array> {
  assertBytes(params.aad, 'HPKE aad');
  assertBytes(params.ciphertext, 'HPKE ciphertext');
  if (params.ciphertext.length < N_T)
    throw new CryptoError('bad_input', 'HPKE ciphertext shorter than its tag');
  const context = await setupBaseR({
    recipientPrivateKey: params.recipientPrivateKey,
    enc: params.enc,
    info: params.info,
    ...(params.suite === undefined ? {} : { suite: params.suite }),
  });
  try {
    return context.open(params.aad, params.ciphertext);
  } finally {
    context.destroy();
  }
}

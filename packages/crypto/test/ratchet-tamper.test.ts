import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CryptoError } from '../src/errors';
import type { SessionMap } from '../src/fan-out/device-sessions';
import { fanOut } from '../src/fan-out/fan-out';
import { receiveRatchet, type SenderDevice } from '../src/fan-out/receive-ratchet';
import { prekeyStoreOf } from '../src/prekeys/device-prekeys';
import { equalBytes } from '../src/primitives/bytes';
import { createSuite } from '../src/primitives/suite';
import { bundleOf, makeDevice, T0, text, untext } from './ratchet-fixtures';

describe('ratchet envelopes under bit flips', async () => {
  const suite = await createSuite({ backend: 'webcrypto' });
  const [alice, bob] = [await makeDevice(suite, 2), await makeDevice(suite, 2)];
  const conv = suite.random(16);
  const lookupSender = (id: Uint8Array): SenderDevice =>
    equalBytes(id, alice.local.deviceId)
      ? { status: 'active', identityKey: alice.keys.identityKey }
      : { status: 'unknown' };
  const receive = (sessions: SessionMap, envelope: Uint8Array) =>
    receiveRatchet({
      suite,
      sessions,
      myDevice: bob.local,
      envelope,
      lookupSender,
      prekeys: prekeyStoreOf(bob.prekeys, T0),
      now: T0,
    });

  // A first (prekey) message to a Bob with no session, and a later message in an established one.
  const first = await fanOut({
    suite,
    sender: alice.local,
    sessions: new Map(),
    recipients: [{ ...bob.keys, bundle: bundleOf(bob) }],
    conversationId: conv,
    plaintext: text('first'),
    now: T0,
  });
  const firstBytes = first.envelopes[0]?.bytes as Uint8Array;
  const bobSessions = (await receive(new Map(), firstBytes)).sessions;
  const later = await fanOut({
    suite,
    sender: alice.local,
    sessions: first.sessions,
    recipients: [bob.keys],
    conversationId: conv,
    plaintext: text('later'),
    now: T0,
  });
  const laterBytes = later.envelopes[0]?.bytes as Uint8Array;
  const cases = [
    { name: 'first', bytes: firstBytes, sessions: new Map() as SessionMap },
    { name: 'later', bytes: laterBytes, sessions: bobSessions },
  ];

  it('refuses any flipped bit and still opens the genuine envelope afterwards', async () => {
    const snapshot = structuredClone(bobSessions);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), fc.nat(), fc.nat({ max: 7 }), async (c, at, bit) => {
        const bad = c.bytes.slice();
        const i = at % bad.length;
        bad[i] = (bad[i] as number) ^ (1 << bit);
        const error = await receive(c.sessions, bad).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(CryptoError);
        const genuine = await receive(c.sessions, c.bytes);
        expect(untext(genuine.plaintext)).toBe(c.name);
      }),
      { numRuns: 30 },
    );
    // Nothing above wrote to the stored sessions.
    expect(bobSessions).toEqual(snapshot);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEnvelope, MAX_ENVELOPE_BYTES } from '../src/envelope/envelope-codec';
import { createEpoch, type EpochState, epochFromSecret } from '../src/group/epoch-state';
import { openEpochWrap } from '../src/group/epoch-wrap-open';
import { sealEpochWraps } from '../src/group/epoch-wrap-seal';
import { decodeWrapHeader, encodeWrapHeader } from '../src/group/group-headers';
import { WRAP_ENTRIES_PER_ENVELOPE } from '../src/group/group-limits';
import type { GroupMember } from '../src/group/group-member';
import { sealGroupMessage } from '../src/group/group-seal';
import { createGroupSession } from '../src/group/group-session';
import { decodeWrapEntries, WRAP_ENTRY_LENGTH } from '../src/group/wrap-entries';
import { bytesToHex, concatBytes, equalBytes, utf8ToBytes } from '../src/primitives/bytes';
import { createSuite } from '../src/primitives/suite';
import {
  groupDevice,
  receiveWrap,
  rejectionKind,
  resignWrap,
  stateHashOf,
  wrapParams,
} from './group-helpers';
import { seededRandom } from './seeded-random';

const text = (s: string) => utf8ToBytes(s);

describe('epoch wrap batches and rejections', async () => {
  const suite = await createSuite({ backend: 'webcrypto' });
  const random = seededRandom('wrap-rejections');
  const admin = await groupDevice(suite, random);
  const me = await groupDevice(suite, random);
  const other = await groupDevice(suite, random);
  const conversationId = random(16);
  const epoch: EpochState = createEpoch({
    random,
    conversationId,
    stateHash: stateHashOf('w'),
    members: [admin.member, me.member, other.member],
    now: 1,
  });
  const signer = { deviceId: admin.member.deviceId, signingPrivateKey: admin.signingPrivateKey };
  const [wrap] = await sealEpochWraps(suite, { epoch, recipients: [me.member, other.member], admin: signer });
  if (!wrap) throw new Error('fixture');
  const params = (envelope: Uint8Array) => wrapParams(conversationId, admin, me, envelope);

  it('fits exactly WRAP_ENTRIES_PER_ENVELOPE entries under the envelope cap', () => {
    expect(169 + WRAP_ENTRIES_PER_ENVELOPE * WRAP_ENTRY_LENGTH).toBeLessThanOrEqual(MAX_ENVELOPE_BYTES);
    expect(169 + (WRAP_ENTRIES_PER_ENVELOPE + 1) * WRAP_ENTRY_LENGTH).toBeGreaterThan(MAX_ENVELOPE_BYTES);
    expect(() =>
      decodeWrapEntries(new Uint8Array((WRAP_ENTRIES_PER_ENVELOPE + 1) * WRAP_ENTRY_LENGTH)),
    ).toThrow(expect.objectContaining({ kind: 'bad_input' }));
  });

  it('splits 1,001 recipients over envelopes under the size cap, one entry each', async () => {
    const filler: GroupMember[] = Array.from({ length: 999 }, () => ({
      deviceId: random(16),
      signingKey: random(32),
      agreementKey: random(32),
    }));
    const wraps = await sealEpochWraps(suite, {
      epoch,
      recipients: [...filler, me.member, other.member],
      admin: signer,
    });
    expect(wraps).toHaveLength(3);
    const seen = new Set<string>();
    wraps.forEach((w, i) => {
      expect(w.length).toBeLessThanOrEqual(MAX_ENVELOPE_BYTES);
      const env = decodeEnvelope(w);
      expect(decodeWrapHeader(env.kindHeader)).toMatchObject({ part: i, parts: 3 });
      for (const e of decodeWrapEntries(env.ciphertext)) seen.add(bytesToHex(e.recipientDevice));
    });
    expect(seen.size).toBe(1001);
    for (const p of [me, other]) {
      const w = await receiveWrap(suite, conversationId, admin, p, wraps);
      expect(w && bytesToHex(w.epochSecret)).toBe(bytesToHex(epoch.epochSecret));
    }
  });

  it('rejects a tampered byte anywhere before any HPKE work', async () => {
    const env = decodeEnvelope(wrap);
    const bodyAt = 64 + 40;
    const sigLenAt = bodyAt + env.ciphertext.length;
    const expected = (pos: number): string => {
      if (pos === 0) return 'unsupported';
      if (pos <= 17 || pos === 34 || pos === 35) return 'bad_input'; // kind, conversation, H
      if (pos <= 33) return 'unknown_device'; // signer id
      if (pos >= 100 && pos < 104) return 'bad_input'; // C
      if (pos === sigLenAt) return 'bad_input';
      if (pos >= 72 && pos < 76) return 'bad_input_or_signature'; // part / parts
      return 'bad_signature'; // epoch, state hash, nonce, entries, signature
    };
    await fc.assert(
      fc.asyncProperty(fc.nat(wrap.length - 1), fc.integer({ min: 1, max: 255 }), async (pos, flip) => {
        const bad = wrap.slice();
        bad[pos] = (bad[pos] as number) ^ flip;
        const kind = await rejectionKind(openEpochWrap(suite, params(bad)));
        const want = expected(pos);
        if (want === 'bad_input_or_signature') expect(['bad_input', 'bad_signature']).toContain(kind);
        else expect(kind).toBe(want);
      }),
      {
        numRuns: 150,
        examples: [
          [0, 1],
          [40, 1],
          [80, 1],
          [120, 1],
          [sigLenAt, 1],
          [wrap.length - 1, 1],
        ],
      },
    );
  });

  it('refuses wraps from non-admin or revoked devices, other conversations and other kinds', async () => {
    expect(await rejectionKind(sealEpochWraps(suite, { epoch, recipients: [], admin: signer }))).toBe(
      'bad_input',
    );
    const twice = sealEpochWraps(suite, { epoch, recipients: [me.member, me.member], admin: signer });
    expect(await rejectionKind(twice)).toBe('bad_input');
    const notAdmin = { ...params(wrap), signingKeyOf: () => undefined };
    expect(await rejectionKind(openEpochWrap(suite, notAdmin))).toBe('unknown_device');
    const revoked = { ...params(wrap), isRevoked: (id: Uint8Array) => equalBytes(id, admin.member.deviceId) };
    expect(await rejectionKind(openEpochWrap(suite, revoked))).toBe('revoked');
    // A device that claims the admin's id but signs with its own key.
    const forged = await resignWrap(suite, other, wrap, (e) => e);
    expect(await rejectionKind(openEpochWrap(suite, params(forged)))).toBe('bad_signature');
    expect(await rejectionKind(openEpochWrap(suite, { ...params(wrap), conversationId: random(16) }))).toBe(
      'bad_input',
    );
    const session = createGroupSession({
      selfDevice: admin.member.deviceId,
      epoch: epochFromSecret({ ...epoch, epochSecret: epoch.epochSecret.slice(), now: 1 }),
    });
    const message = await sealGroupMessage(suite, session, admin.signingPrivateKey, text('not a wrap'));
    expect(await rejectionKind(openEpochWrap(suite, params(message.envelope)))).toBe('bad_input');
  });

  it('binds each entry to the envelope header: a re-signed header or entry fails HPKE with bad_mac', async () => {
    const otherHeader = await resignWrap(suite, admin, wrap, (e) => ({
      ...e,
      kindHeader: encodeWrapHeader({
        ...decodeWrapHeader(e.kindHeader),
        stateHash: stateHashOf('forged state'),
      }),
    }));
    expect(await rejectionKind(openEpochWrap(suite, params(otherHeader)))).toBe('bad_mac');
    const otherNonce = await resignWrap(suite, admin, wrap, (e) => ({ ...e, nonce: random(24) }));
    expect(await rejectionKind(openEpochWrap(suite, params(otherNonce)))).toBe('bad_mac');
    const otherEpoch = await resignWrap(suite, admin, wrap, (e) => ({
      ...e,
      kindHeader: encodeWrapHeader({ ...decodeWrapHeader(e.kindHeader), epoch: 7 }),
    }));
    expect(await rejectionKind(openEpochWrap(suite, params(otherEpoch)))).toBe('bad_mac');
    const corrupt = await resignWrap(suite, admin, wrap, (e) => {
      const body = e.ciphertext.slice();
      for (let i = 0; i < body.length; i += WRAP_ENTRY_LENGTH)
        body[i + WRAP_ENTRY_LENGTH - 1] = (body[i + WRAP_ENTRY_LENGTH - 1] as number) ^ 1;
      return { ...e, ciphertext: body };
    });
    expect(await rejectionKind(openEpochWrap(suite, params(corrupt)))).toBe('bad_mac');
  });

  it('rejects a signed body that is not whole, ordered entries', async () => {
    const e = decodeEnvelope(wrap);
    const [first, second] = [
      e.ciphertext.subarray(0, WRAP_ENTRY_LENGTH),
      e.ciphertext.subarray(WRAP_ENTRY_LENGTH),
    ];
    const swapped = await resignWrap(suite, admin, wrap, (x) => ({
      ...x,
      ciphertext: concatBytes(second, first),
    }));
    expect(await rejectionKind(openEpochWrap(suite, params(swapped)))).toBe('bad_input');
    const duplicated = await resignWrap(suite, admin, wrap, (x) => ({
      ...x,
      ciphertext: concatBytes(first, first),
    }));
    expect(await rejectionKind(openEpochWrap(suite, params(duplicated)))).toBe('bad_input');
    const ragged = await resignWrap(suite, admin, wrap, (x) => ({
      ...x,
      ciphertext: x.ciphertext.subarray(1),
    }));
    expect(await rejectionKind(openEpochWrap(suite, params(ragged)))).toBe('bad_input');
    // And the genuine wrap still opens.
    const ok = await openEpochWrap(suite, params(wrap));
    expect(ok && bytesToHex(ok.epochSecret)).toBe(bytesToHex(epoch.epochSecret));
  });
});

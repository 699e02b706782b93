// The acceptance list for the device log, part 1: forged entries and broken chains (every way a
// relay or an attacker can bend a log), with the error kind and entry index each must produce.
import { describe, expect, it } from 'vitest';
import { appendDeviceLogEntry, ISSUED_AT_SKEW_MS } from '../src/device-log/append';
import { deviceLogEntryHash } from '../src/device-log/entry';
import { verifyDeviceLog } from '../src/device-log/verify-log';
import { bytesToHex, hexToBytes } from '../src/primitives/bytes';
import { failure, linkEntry, MINUTE, rejectionFixture, revokeEntry, T0 } from './device-log-helpers';

describe.each(['webcrypto', 'noble'] as const)('device log rejections (%s)', async (backend) => {
  const { suite, wallet, mallory, address, a, c, e0, s0, e1, s1, signed, linkBody } = await rejectionFixture(
    backend,
    'rejections',
  );

  describe('forged entries', () => {
    it('an entry for this account signed by another wallet => forged_entry at its index', async () => {
      const forged = await signed(linkBody(s1, c, T0 + 2 * MINUTE), mallory);
      expect(await failure(verifyDeviceLog(suite, address, [e0, e1, forged]))).toEqual({
        kind: 'forged_entry',
        index: 2,
      });
      expect(await failure(appendDeviceLogEntry(suite, s1, address, forged))).toEqual({
        kind: 'forged_entry',
        index: 2,
      });
    });

    it('a first entry signed by another wallet => forged_entry at index 0', async () => {
      const forged = await signed(linkBody(undefined, a, T0), mallory);
      expect(await failure(verifyDeviceLog(suite, address, [forged]))).toEqual({
        kind: 'forged_entry',
        index: 0,
      });
    });

    it('a valid entry of another account => broken_chain (account mismatch)', async () => {
      const theirs = await linkEntry(suite, undefined, mallory, a, T0);
      expect(await failure(appendDeviceLogEntry(suite, undefined, address, theirs))).toEqual({
        kind: 'broken_chain',
        index: 0,
      });
    });

    it('a wallet signature over another message => forged_entry', async () => {
      const other = await linkEntry(suite, s1, wallet, c, T0 + 3 * MINUTE);
      const mine = await linkEntry(suite, s1, wallet, c, T0 + 2 * MINUTE);
      const swapped = { ...mine, walletSignature: other.walletSignature };
      expect((await failure(appendDeviceLogEntry(suite, s1, address, swapped))).kind).toBe('forged_entry');
    });

    it('a missing countersignature => forged_entry', async () => {
      const entry = await linkEntry(suite, s1, wallet, c, T0 + 2 * MINUTE);
      const { deviceSignature: _, ...bare } = entry;
      expect(await failure(appendDeviceLogEntry(suite, s1, address, bare))).toEqual({
        kind: 'forged_entry',
        index: 2,
      });
    });

    it('a countersignature by another key, over other bytes, or with a flipped bit => forged_entry', async () => {
      const entry = await linkEntry(suite, s1, wallet, c, T0 + 2 * MINUTE);
      const byOther = await signed(linkBody(s1, c, T0 + 2 * MINUTE), wallet, a);
      const sig = hexToBytes(entry.deviceSignature ?? '');
      sig[5] = (sig[5] as number) ^ 1;
      const flipped = { ...entry, deviceSignature: bytesToHex(sig) };
      // Ed25519 over the bare message, without the countersign label.
      const unlabeled = {
        ...entry,
        deviceSignature: bytesToHex(
          await suite.ed25519.sign(c.signingPrivateKey, new TextEncoder().encode(entry.message)),
        ),
      };
      for (const bad of [byOther, flipped, unlabeled]) {
        expect(await failure(appendDeviceLogEntry(suite, s1, address, bad))).toEqual({
          kind: 'forged_entry',
          index: 2,
        });
      }
    });

    it('a revoke entry carrying a device signature => bad_input', async () => {
      const entry = await revokeEntry(s1, wallet, a.deviceId, T0 + 2 * MINUTE);
      const withSig = { ...entry, deviceSignature: 'ab'.repeat(64) };
      expect(await failure(appendDeviceLogEntry(suite, s1, address, withSig))).toEqual({
        kind: 'bad_input',
        index: 2,
      });
    });
  });

  describe('broken chains', () => {
    it('a wrong previous hash => broken_chain', async () => {
      const body = { ...linkBody(s1, c, T0 + 2 * MINUTE), prev: deviceLogEntryHash(e0) };
      expect(await failure(verifyDeviceLog(suite, address, [e0, e1, await signed(body)]))).toEqual({
        kind: 'broken_chain',
        index: 2,
      });
    });

    it('a skipped sequence number => broken_chain', async () => {
      const body = { ...linkBody(s1, c, T0 + 2 * MINUTE), seq: 3 };
      expect(await failure(verifyDeviceLog(suite, address, [e0, e1, await signed(body)]))).toEqual({
        kind: 'broken_chain',
        index: 2,
      });
      // Dropping entry 1 from the log breaks the chain at 1.
      const e2 = await linkEntry(suite, s1, wallet, c, T0 + 2 * MINUTE);
      expect(await failure(verifyDeviceLog(suite, address, [e0, e2]))).toEqual({
        kind: 'broken_chain',
        index: 1,
      });
    });

    it('reordered entries => broken_chain', async () => {
      expect(await failure(verifyDeviceLog(suite, address, [e1, e0]))).toEqual({
        kind: 'broken_chain',
        index: 0,
      });
      const e2 = await linkEntry(suite, s1, wallet, c, T0 + 2 * MINUTE);
      expect(await failure(verifyDeviceLog(suite, address, [e0, e2, e1]))).toEqual({
        kind: 'broken_chain',
        index: 1,
      });
    });

    it('issued-at going backwards by more than the skew => broken_chain; within it, accepted', async () => {
      const late = { ...linkBody(s1, c, T0 + MINUTE), issuedAt: T0 + MINUTE - ISSUED_AT_SKEW_MS };
      const ok = await appendDeviceLogEntry(suite, s1, address, await signed(late));
      expect(ok.issuedAt).toBe(T0 + MINUTE - ISSUED_AT_SKEW_MS);
      const tooLate = { ...late, issuedAt: late.issuedAt - 1 };
      expect(await failure(appendDeviceLogEntry(suite, s1, address, await signed(tooLate)))).toEqual({
        kind: 'broken_chain',
        index: 2,
      });
    });

    it('an entry issued beyond now + skew => broken_chain when now is given', async () => {
      const entry = await linkEntry(suite, s1, wallet, c, T0 + 2 * MINUTE);
      const now = T0 + 2 * MINUTE - ISSUED_AT_SKEW_MS;
      expect((await appendDeviceLogEntry(suite, s1, address, entry, { now })).seq).toBe(2);
      expect(await failure(appendDeviceLogEntry(suite, s1, address, entry, { now: now - 1 }))).toEqual({
        kind: 'broken_chain',
        index: 2,
      });
    });

    it('a pinned head the log no longer contains (fork, rewrite, truncation) => broken_chain', async () => {
      const fork = await linkEntry(suite, s0, wallet, c, T0 + MINUTE);
      const pinned = { seq: s1.seq, hash: s1.head };
      expect(await failure(verifyDeviceLog(suite, address, [e0, fork], { pinnedHead: pinned }))).toEqual({
        kind: 'broken_chain',
        index: 1,
      });
      // The same device set, re-signed at another time: a rewrite of entry 0.
      const rewritten = await linkEntry(suite, undefined, wallet, a, T0 + 1);
      const pin0 = { seq: 0, hash: s0.head };
      expect(await failure(verifyDeviceLog(suite, address, [rewritten], { pinnedHead: pin0 }))).toEqual({
        kind: 'broken_chain',
        index: 0,
      });
      expect(await failure(verifyDeviceLog(suite, address, [e0], { pinnedHead: pinned }))).toEqual({
        kind: 'broken_chain',
        index: 1,
      });
      expect(await failure(verifyDeviceLog(suite, address, [], { pinnedHead: pin0 }))).toEqual({
        kind: 'broken_chain',
        index: 0,
      });
    });

    it('an empty log, a bad pinned head or a state of another account => bad_input', async () => {
      expect((await failure(verifyDeviceLog(suite, address, []))).kind).toBe('bad_input');
      expect(
        (
          await failure(
            verifyDeviceLog(suite, address, [e0], { pinnedHead: { seq: 0, hash: new Uint8Array(31) } }),
          )
        ).kind,
      ).toBe('bad_input');
      expect(await failure(appendDeviceLogEntry(suite, s0, mallory.address, e1))).toEqual({
        kind: 'bad_input',
        index: 1,
      });
      expect(await failure(appendDeviceLogEntry(suite, s0, 'not an address', e1))).toEqual({
        kind: 'bad_input',
        index: 1,
      });
    });
  });
});

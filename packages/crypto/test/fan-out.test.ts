import { describe, expect, it } from 'vitest';
import type { SessionMap } from '../src/fan-out/device-sessions';
import { disposeSessionMap } from '../src/fan-out/device-sessions';
import { devicesWithoutSession, type FanOutRecipient, fanOut } from '../src/fan-out/fan-out';
import { receiveRatchet, type SenderDevice } from '../src/fan-out/receive-ratchet';
import { consumeOneTimePrekey, prekeyStoreOf } from '../src/prekeys/device-prekeys';
import { bytesToHex } from '../src/primitives/bytes';
import { type CryptoSuite, createSuite } from '../src/primitives/suite';
import { decodeRatchetMessage } from '../src/ratchet/ratchet-decrypt';
import {
  bundleOf,
  expectCryptoError,
  makeDevice,
  T0,
  type TestDevice,
  text,
  untext,
} from './ratchet-fixtures';

/** One device with its session map, as the engine would hold it. */
class Peer {
  sessions: SessionMap = new Map();
  revoked = new Set<string>();
  constructor(
    readonly suite: CryptoSuite,
    readonly device: TestDevice,
    readonly directory: Map<string, TestDevice>,
  ) {}

  recipient(d: TestDevice, withBundle: boolean): FanOutRecipient {
    return withBundle ? { ...d.keys, bundle: bundleOf(d) } : d.keys;
  }

  async send(to: TestDevice[], conversationId: Uint8Array, message: string) {
    const recipients = to.map((d) => this.recipient(d, !this.sessions.has(bytesToHex(d.local.deviceId))));
    const out = await fanOut({
      suite: this.suite,
      sender: this.device.local,
      sessions: this.sessions,
      recipients,
      conversationId,
      plaintext: text(message),
      now: T0,
    });
    disposeSessionMap(this.sessions, out.sessions);
    this.sessions = out.sessions;
    return out;
  }

  lookup = (deviceId: Uint8Array): SenderDevice => {
    const id = bytesToHex(deviceId);
    if (this.revoked.has(id)) return { status: 'revoked' };
    const d = this.directory.get(id);
    return d ? { status: 'active', identityKey: d.keys.identityKey } : { status: 'unknown' };
  };

  async receive(envelope: Uint8Array) {
    const out = await receiveRatchet({
      suite: this.suite,
      sessions: this.sessions,
      myDevice: this.device.local,
      envelope,
      lookupSender: this.lookup,
      prekeys: prekeyStoreOf(this.device.prekeys, T0),
      now: T0,
    });
    if (out.usedOneTimePrekeyId !== null) {
      this.device.prekeys = consumeOneTimePrekey(this.device.prekeys, out.usedOneTimePrekeyId);
    }
    disposeSessionMap(this.sessions, out.sessions);
    this.sessions = out.sessions;
    return untext(out.plaintext);
  }
}

describe('fan-out', async () => {
  const suite = await createSuite({ backend: 'webcrypto' });
  const conv = suite.random(16);

  async function world(count: number) {
    const directory = new Map<string, TestDevice>();
    const devices: TestDevice[] = [];
    for (let i = 0; i < count; i++) {
      const d = await makeDevice(suite, 4);
      directory.set(bytesToHex(d.local.deviceId), d);
      devices.push(d);
    }
    return { directory, peers: devices.map((d) => new Peer(suite, d, directory)) };
  }

  it('reaches 3 peer devices and 1 own other device, and every reply comes back', async () => {
    const { peers } = await world(5);
    const [a1, a2, b1, b2, b3] = peers as [Peer, Peer, Peer, Peer, Peer];
    const others = [b1, b2, b3, a2];
    const out = await a1.send(
      others.map((p) => p.device),
      conv,
      'hi all',
    );
    expect(out.envelopes.map((e) => bytesToHex(e.recipientDevice))).toEqual(
      others.map((p) => bytesToHex(p.device.local.deviceId)),
    );
    for (const [i, p] of others.entries())
      expect(await p.receive(out.envelopes[i]?.bytes as Uint8Array)).toBe('hi all');
    // Each recipient used one of its one-time prekeys.
    for (const p of others) expect(p.device.prekeys.oneTime).toHaveLength(3);
    // Replies on the new sessions, then a second round with no prekey part any more.
    for (const p of others) {
      const reply = await p.send([a1.device], conv, `re from ${bytesToHex(p.device.local.deviceId)}`);
      expect(await a1.receive(reply.envelopes[0]?.bytes as Uint8Array)).toMatch(/^re from /);
    }
    const second = await a1.send(
      others.map((p) => p.device),
      conv,
      'round two',
    );
    for (const [i, p] of others.entries()) {
      const bytes = second.envelopes[i]?.bytes as Uint8Array;
      expect(decodeRatchetMessage(bytes).header.prekey).toBeNull();
      expect(await p.receive(bytes)).toBe('round two');
    }
  });

  it('refuses a revoked or unknown sender before decrypting, and drops revoked sessions on send', async () => {
    const { peers, directory } = await world(3);
    const [a, b, c] = peers as [Peer, Peer, Peer];
    const first = await a.send([b.device, c.device], conv, 'hello');
    await b.receive(first.envelopes[0]?.bytes as Uint8Array);
    const reply = await b.send([a.device], conv, 'from b');
    a.revoked.add(bytesToHex(b.device.local.deviceId));
    const before = a.sessions;
    await expectCryptoError(a.receive(reply.envelopes[0]?.bytes as Uint8Array), 'revoked');
    expect(a.sessions).toBe(before);
    directory.delete(bytesToHex(b.device.local.deviceId));
    a.revoked.clear();
    await expectCryptoError(a.receive(reply.envelopes[0]?.bytes as Uint8Array), 'unknown_device');
    // Sending without b in the recipient list drops b's session.
    const next = await a.send([c.device], conv, 'without b');
    expect(next.dropped).toEqual([bytesToHex(b.device.local.deviceId)]);
    expect([...a.sessions.keys()]).toEqual([bytesToHex(c.device.local.deviceId)]);
  });

  it('refuses a second first message on a consumed one-time prekey', async () => {
    const { peers } = await world(2);
    const [a, b] = peers as [Peer, Peer];
    const first = await a.send([b.device], conv, 'first');
    const bytes = first.envelopes[0]?.bytes as Uint8Array;
    expect(await b.receive(bytes)).toBe('first');
    // The same first message again: its session is found, and its key was used.
    await expectCryptoError(b.receive(bytes), 'replay');
    // With the session gone (state lost), the consumed one-time prekey stops it.
    b.sessions = new Map();
    await expectCryptoError(b.receive(bytes), 'replay');
  });

  it('a prekey message whose identity key is not the device log key is refused', async () => {
    const { peers } = await world(3);
    const [a, b, mallory] = peers as [Peer, Peer, Peer];
    // Mallory runs X3DH with her own identity key but puts a's device id on the envelope.
    const forged = await fanOut({
      suite,
      sender: { deviceId: a.device.local.deviceId, identityKey: mallory.device.local.identityKey },
      sessions: new Map(),
      recipients: [{ ...b.device.keys, bundle: bundleOf(b.device) }],
      conversationId: conv,
      plaintext: text('it is me, a'),
      now: T0,
    });
    await expectCryptoError(b.receive(forged.envelopes[0]?.bytes as Uint8Array), 'bad_key');
  });

  it('delivering a message to another device or conversation fails', async () => {
    const { peers } = await world(3);
    const [a, b, c] = peers as [Peer, Peer, Peer];
    const out = await a.send([b.device, c.device], conv, 'x');
    const toB = out.envelopes[0]?.bytes as Uint8Array;
    // c gets b's copy: the same prekey ids exist on c, but an X3DH run against b's keys cannot open.
    await expectCryptoError(c.receive(toB), 'bad_mac');
    const moved = toB.slice();
    moved.set(suite.random(16), 2);
    await expectCryptoError(b.receive(moved), 'bad_mac');
    expect(await b.receive(toB)).toBe('x');
  });

  it('two devices that start sessions at the same time converge', async () => {
    const { peers } = await world(2);
    const [a, b] = peers as [Peer, Peer];
    const fromA = await a.send([b.device], conv, 'a first');
    const fromB = await b.send([a.device], conv, 'b first');
    expect(await b.receive(fromA.envelopes[0]?.bytes as Uint8Array)).toBe('a first');
    expect(await a.receive(fromB.envelopes[0]?.bytes as Uint8Array)).toBe('b first');
    for (let i = 0; i < 3; i++) {
      const x = await a.send([b.device], conv, `a${i}`);
      expect(await b.receive(x.envelopes[0]?.bytes as Uint8Array)).toBe(`a${i}`);
      const y = await b.send([a.device], conv, `b${i}`);
      expect(await a.receive(y.envelopes[0]?.bytes as Uint8Array)).toBe(`b${i}`);
    }
    const aActive = a.sessions.get(bytesToHex(b.device.local.deviceId))?.active;
    const bActive = b.sessions.get(bytesToHex(a.device.local.deviceId))?.active;
    if (!aActive || !bActive) throw new Error('both sides hold a session');
    expect(bytesToHex(aActive.baseKey)).toBe(bytesToHex(bActive.baseKey));
  });

  it('refuses bad recipient lists and bundles that do not match the log', async () => {
    const { peers } = await world(3);
    const [a, b, c] = peers as [Peer, Peer, Peer];
    const base = {
      suite,
      sender: a.device.local,
      sessions: a.sessions,
      conversationId: conv,
      plaintext: text('x'),
      now: T0,
    };
    await expectCryptoError(fanOut({ ...base, recipients: [b.device.keys] }), 'bad_input');
    await expectCryptoError(
      fanOut({ ...base, recipients: [{ ...a.device.keys, bundle: bundleOf(a.device) }] }),
      'bad_input',
    );
    const rb = { ...b.device.keys, bundle: bundleOf(b.device) };
    await expectCryptoError(fanOut({ ...base, recipients: [rb, rb] }), 'bad_input');
    await expectCryptoError(
      fanOut({ ...base, recipients: [{ ...c.device.keys, bundle: bundleOf(b.device) }] }),
      'bad_key',
    );
    expect(devicesWithoutSession(a.sessions, [b.device.keys]).map(bytesToHex)).toEqual([
      bytesToHex(b.device.local.deviceId),
    ]);
  });
});

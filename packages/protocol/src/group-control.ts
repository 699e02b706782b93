// Group control messages (docs/relay.md "Group control messages"): add, remove, promote, demote
// and rotate, signed by an admin device's Ed25519 key, each naming the group state it applies to.
// The relay checks the signature against the signer's verified device log and the signer's role,
// then orders them. This file has the wire schema and the exact bytes that are signed and hashed;
// callers hash with their own SHA-256 (this package is runtime-neutral and dependency-free).
import { z } from 'zod';
import { Address, hexBytes, Id16, Millis } from './wire-primitives';

export const GROUP_CONTROL_ACTIONS = ['add', 'remove', 'promote', 'demote', 'rotate'] as const;
export type GroupControlAction = (typeof GROUP_CONTROL_ACTIONS)[number];

/** Most addresses one control names; bigger changes go in several controls. */
export const MAX_CONTROL_TARGETS = 64;

/** Labels: the signature input prefix, the state-hash prefix and the genesis prefix. */
export const GROUP_CONTROL_SIGN_LABEL = 'parley/v1/group-control/sign';
export const GROUP_CONTROL_STATE_LABEL = 'parley/v1/group-control/state';
export const GROUP_CONTROL_GENESIS_LABEL = 'parley/v1/group-control/genesis';

const CONTROL_VERSION = 1;

/** The signed fields, in canonical order. */
export const GroupControlBody = z
  .strictObject({
    conversationId: Id16,
    action: z.enum(GROUP_CONTROL_ACTIONS),
    /** Strictly ascending (so sorted and unique): one spelling per set of targets. */
    targets: z.array(Address).max(MAX_CONTROL_TARGETS),
    prevStateHash: hexBytes(32),
    signerAddress: Address,
    signerDevice: Id16,
    issuedAt: Millis,
  })
  .refine((c) => c.targets.every((t, i) => i === 0 || (c.targets[i - 1] ?? '') < t), {
    message: 'targets must be strictly ascending',
  })
  .refine((c) => (c.action === 'rotate' ? c.targets.length === 0 : c.targets.length > 0), {
    message: 'rotate names no targets; every other action names at least one',
  });
export type GroupControlBody = z.infer<typeof GroupControlBody>;

/** A control message as it travels: the body plus the signer device's Ed25519 signature. */
export const GroupControlWire = z.strictObject({
  conversationId: Id16,
  action: z.enum(GROUP_CONTROL_ACTIONS),
  targets: z.array(Address).max(MAX_CONTROL_TARGETS),
  prevStateHash: hexBytes(32),
  signerAddress: Address,
  signerDevice: Id16,
  issuedAt: Millis,
  signature: hexBytes(64),
});
export type GroupControlWire = z.infer<typeof GroupControlWire>;

/** Parses a wire control: shape, then the body rules (ascending targets, rotate has none). */
export function parseGroupControl(input: unknown): GroupControlWire {
  const wire = GroupControlWire.parse(input);
  const { signature: _signature, ...body } = wire;
  GroupControlBody.parse(body);
  return wire;
}

/** The canonical JSON text of a wire control (fields in schema order): what the relay stores. */
export function groupControlJson(c: GroupControlWire): string {
  return JSON.stringify({
    conversationId: c.conversationId,
    action: c.action,
    targets: c.targets,
    prevStateHash: c.prevStateHash,
    signerAddress: c.signerAddress,
    signerDevice: c.signerDevice,
    issuedAt: c.issuedAt,
    signature: c.signature,
  });
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function u64be(n: number): Uint8Array {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, Math.floor(n / 2 ** 32), false);
  view.setUint32(4, n >>> 0, false);
  return out;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * The canonical control bytes (fixed layout, no separators needed since every field but the last
 * has a fixed size):
 *   u8 version (1) || u8 action (index in GROUP_CONTROL_ACTIONS) || conversationId (16)
 *   || prevStateHash (32) || signerAddress (20) || signerDevice (16) || u64be issuedAt
 *   || u8 target count || targets (20 bytes each, ascending)
 */
export function groupControlBytes(body: GroupControlBody | GroupControlWire): Uint8Array {
  const parsed = GroupControlBody.parse({
    conversationId: body.conversationId,
    action: body.action,
    targets: body.targets,
    prevStateHash: body.prevStateHash,
    signerAddress: body.signerAddress,
    signerDevice: body.signerDevice,
    issuedAt: body.issuedAt,
  });
  return concat([
    Uint8Array.of(CONTROL_VERSION, GROUP_CONTROL_ACTIONS.indexOf(parsed.action)),
    hexToBytes(parsed.conversationId),
    hexToBytes(parsed.prevStateHash),
    hexToBytes(parsed.signerAddress.slice(2)),
    hexToBytes(parsed.signerDevice),
    u64be(parsed.issuedAt),
    Uint8Array.of(parsed.targets.length),
    ...parsed.targets.map((t) => hexToBytes(t.slice(2))),
  ]);
}

/** What the signer device signs with Ed25519: utf8(GROUP_CONTROL_SIGN_LABEL) || control bytes. */
export function groupControlSigningInput(body: GroupControlBody | GroupControlWire): Uint8Array {
  return concat([utf8(GROUP_CONTROL_SIGN_LABEL), groupControlBytes(body)]);
}

/**
 * The SHA-256 input of the state after `body`:
 *   utf8(GROUP_CONTROL_STATE_LABEL) || prevStateHash (32) || control bytes.
 */
export function groupStateHashInput(body: GroupControlBody | GroupControlWire): Uint8Array {
  return concat([utf8(GROUP_CONTROL_STATE_LABEL), hexToBytes(body.prevStateHash), groupControlBytes(body)]);
}

/** The SHA-256 input of a new group's first state: label || conversationId (16) || creator (20). */
export function groupGenesisHashInput(conversationId: string, creator: string): Uint8Array {
  const id = Id16.parse(conversationId);
  const address = Address.parse(creator);
  return concat([utf8(GROUP_CONTROL_GENESIS_LABEL), hexToBytes(id), hexToBytes(address.slice(2))]);
}

// Kind headers of 'group' and 'wrap' envelopes (docs/protocol.md §6.3, §6.5). Both are part of
// the envelope header, so they are AEAD associated data and covered by the envelope signature.
import { CryptoError } from '../errors';
import { assertLength } from '../primitives/bytes';

/** 'group' kind header: epoch u32 BE | message index u32 BE. */
export const GROUP_HEADER_LENGTH = 8;
/** 'wrap' kind header: epoch u32 BE | stateHash 32 | part u16 BE | parts u16 BE. */
export const WRAP_HEADER_LENGTH = 40;

export interface GroupHeader {
  readonly epoch: number;
  readonly index: number;
}

export interface WrapHeader {
  /** The epoch whose secret the entries carry. */
  readonly epoch: number;
  /** That epoch's group state hash, so a receiver can match the wrap to the control it applied. */
  readonly stateHash: Uint8Array;
  /** This envelope's position in the batch, 0-based, and the number of envelopes in it. */
  readonly part: number;
  readonly parts: number;
}

function checkU32(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
    throw new CryptoError('bad_input', `${what} out of range`);
}

export function encodeGroupHeader(h: GroupHeader): Uint8Array {
  checkU32(h.epoch, 'epoch');
  checkU32(h.index, 'message index');
  const out = new Uint8Array(GROUP_HEADER_LENGTH);
  const view = new DataView(out.buffer);
  view.setUint32(0, h.epoch, false);
  view.setUint32(4, h.index, false);
  return out;
}

export function decodeGroupHeader(bytes: Uint8Array): GroupHeader {
  if (bytes.length !== GROUP_HEADER_LENGTH) throw new CryptoError('bad_input', 'malformed group header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { epoch: view.getUint32(0, false), index: view.getUint32(4, false) };
}

export function encodeWrapHeader(h: WrapHeader): Uint8Array {
  checkU32(h.epoch, 'epoch');
  assertLength(h.stateHash, 32, 'state hash');
  if (!Number.isInteger(h.parts) || h.parts < 1 || h.parts > 0xffff) {
    throw new CryptoError('bad_input', 'wrap part count out of range');
  }
  if (!Number.isInteger(h.part) || h.part < 0 || h.part >= h.parts) {
    throw new CryptoError('bad_input', 'wrap part out of range');
  }
  const out = new Uint8Array(WRAP_HEADER_LENGTH);
  const view = new DataView(out.buffer);
  view.setUint32(0, h.epoch, false);
  out.set(h.stateHash, 4);
  view.setUint16(36, h.part, false);
  view.setUint16(38, h.parts, false);
  return out;
}

export function decodeWrapHeader(bytes: Uint8Array): WrapHeader {
  if (bytes.length !== WRAP_HEADER_LENGTH) throw new CryptoError('bad_input', 'malformed wrap header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const part = view.getUint16(36, false);
  const parts = view.getUint16(38, false);
  if (parts < 1 || part >= parts) throw new CryptoError('bad_input', 'malformed wrap header');
  return { epoch: view.getUint32(0, false), stateHash: bytes.slice(4, 36), part, parts };
}

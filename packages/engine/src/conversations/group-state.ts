// The verified state of a group (docs/relay.md "Group control messages"): who is a member with
// which role, and the state hash that chains the control messages from the group's genesis. Each
// control is checked here before it changes anything: it applies to the current state hash, its
// signer was an admin in that state, its device signature verifies with the key from the signer's
// verified device log, and its new state hash is the one the relay reported.
import { bytesToHex, type CryptoSuite, hexToBytes } from '@parley/crypto';
import { sha256 } from '../deps/crypto';
import {
  type GroupControlWire,
  groupControlSigningInput,
  groupGenesisHashInput,
  groupStateHashInput,
  ProtocolError,
  parseGroupControl,
} from '../deps/protocol';
import type { Identities } from '../identity/identities';
import type { GroupControlOut } from '../transport/relay-schemas';

export type Roles = Readonly<Record<string, 'admin' | 'member'>>;

export interface GroupState {
  readonly stateHash: string;
  /** Control messages applied so far: the index of the next one. */
  readonly controlCount: number;
  readonly roles: Roles;
}

/** A new group's state: the creator as its only admin, and the genesis hash. */
export function genesisState(conversationId: string, creator: string): GroupState {
  return {
    stateHash: bytesToHex(sha256(groupGenesisHashInput(conversationId, creator))),
    controlCount: 0,
    roles: { [creator]: 'admin' },
  };
}

export function stateHashAfter(control: GroupControlWire | Omit<GroupControlWire, 'signature'>): string {
  return bytesToHex(sha256(groupStateHashInput(control)));
}

/** The roles after a control (its checks already passed). */
export function rolesAfter(roles: Roles, control: Pick<GroupControlWire, 'action' | 'targets'>): Roles {
  const next: Record<string, 'admin' | 'member'> = { ...roles };
  for (const t of control.targets) {
    if (control.action === 'add') next[t] = 'member';
    else if (control.action === 'remove') delete next[t];
    else if (control.action === 'promote') next[t] = 'admin';
    else if (control.action === 'demote') next[t] = 'member';
  }
  return next;
}

/** Checks one control from the relay against `state`; returns it parsed, with the next state. */
export async function verifyControl(
  suite: CryptoSuite,
  identities: Identities,
  conversationId: string,
  state: GroupState,
  item: GroupControlOut,
): Promise<{ control: GroupControlWire; next: GroupState }> {
  let control: GroupControlWire;
  try {
    control = parseGroupControl(JSON.parse(item.control));
  } catch {
    throw new ProtocolError('bad_request', 'a group control does not parse');
  }
  if (control.conversationId !== conversationId || item.index !== state.controlCount) {
    throw new ProtocolError('bad_request', 'a group control is out of place');
  }
  if (control.prevStateHash !== state.stateHash)
    throw new ProtocolError('conflict', 'a group control forks the state');
  if (state.roles[control.signerAddress] !== 'admin') {
    throw new ProtocolError('forbidden', 'a group control signed by someone who is not an admin');
  }
  // The relay checked that the device was active when it accepted the control; the signature
  // is checked here against the signer's verified log (a later revocation does not undo it).
  const signer = await identities.lookup(control.signerAddress, control.signerDevice);
  const key =
    signer.status === 'active'
      ? signer.signingKey
      : await identities.signingKeyEver(control.signerAddress, control.signerDevice);
  if (
    !key ||
    !(await suite.ed25519.verify(key, groupControlSigningInput(control), hexToBytes(control.signature)))
  ) {
    throw new ProtocolError('bad_signature', 'a group control signature does not verify');
  }
  const stateHash = stateHashAfter(control);
  if (stateHash !== item.stateHash)
    throw new ProtocolError('bad_request', 'the relay reported another state hash');
  return {
    control,
    next: { stateHash, controlCount: state.controlCount + 1, roles: rolesAfter(state.roles, control) },
  };
}

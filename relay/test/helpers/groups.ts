// Group helpers: create a group and sign control messages with the admin's device key.
import { createHash } from 'node:crypto';
import {
  type GroupControlAction,
  groupControlSigningInput,
  groupStateHashInput,
} from '../../../packages/protocol/src/group-control';
import { gql, op } from './client';
import { type Identity, testSuite } from './identity';

export interface Conv {
  id: string;
  stateHash: string;
}

export async function createGroup(url: string, admin: Identity): Promise<Conv> {
  const r = await gql<{ createGroup: Conv }>(url, op.createGroup, {}, admin.token);
  return { id: r.createGroup.id, stateHash: r.createGroup.stateHash };
}

export async function signedControl(
  signer: Identity,
  conv: Conv,
  action: GroupControlAction,
  targets: string[],
  signingKey: Uint8Array = signer.device.signingPrivateKey,
) {
  const body = {
    conversationId: conv.id,
    action,
    targets: [...targets].sort(),
    prevStateHash: conv.stateHash,
    signerAddress: signer.address,
    signerDevice: signer.device.deviceId,
    issuedAt: Date.now(),
  };
  const suite = await testSuite();
  const signature = Buffer.from(
    await suite.ed25519.sign(signingKey, groupControlSigningInput(body)),
  ).toString('hex');
  const expectedHash = createHash('sha256').update(groupStateHashInput(body)).digest('hex');
  return { control: { ...body, signature }, expectedHash };
}

/** Applies a control and advances `conv.stateHash`; returns the relay's GroupControl. */
export async function control(
  url: string,
  signer: Identity,
  conv: Conv,
  action: GroupControlAction,
  targets: string[],
  wraps: Array<{ recipientDevice: string; body: string }> = [],
) {
  const { control: c, expectedHash } = await signedControl(signer, conv, action, targets);
  const r = await gql<{ groupControl: { stateHash: string; index: number; wrap: string | null } }>(
    url,
    op.groupControl,
    { control: c, wraps },
    signer.token,
  );
  conv.stateHash = r.groupControl.stateHash;
  return { ...r.groupControl, expectedHash };
}

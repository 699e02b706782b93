// challenge, signIn, deviceChallenge, renewSession, signOut, me.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { renewSigningInput } from '../../auth/device-renew';
import { buildSiweMessage, verifySiwe } from '../../auth/siwe';
import { hashToken, newNonce, newToken } from '../../auth/tokens';
import { hexToBytes } from '../../deps/crypto';
import { Address, hexBytes, Id16, ProtocolError } from '../../deps/protocol';
import { sessionTopic } from '../../pubsub/pubsub';
import type { Services } from '../context';
import type { Resolvers } from './types';

const ChallengeArgs = z.object({ address: Address, deviceId: Id16 });
const SignInArgs = z.object({
  message: z.string().min(1).max(2048),
  signature: z.string().regex(/^0x[0-9a-fA-F]{130}$/, 'expected a 65-byte hex signature'),
});
const RenewArgs = z.object({
  address: Address,
  deviceId: Id16,
  challenge: hexBytes(32),
  signature: hexBytes(64),
});

async function issueSession(s: Services, address: string, deviceId: string) {
  const token = newToken();
  const now = s.clock.now();
  const session = { address, deviceId, createdAt: now, expiresAt: now + s.config.sessionTtlMs };
  await s.store.createSession(hashToken(token), session);
  s.logger.info({ address, deviceId }, 'session issued');
  return { token, address, deviceId, expiresAt: session.expiresAt };
}

async function refuseRevokedDevice(s: Services, address: string, deviceId: string) {
  const device = await s.store.getDevice(address, deviceId);
  if (device !== undefined && !device.active) throw new ProtocolError('forbidden', 'this device was revoked');
}

export const authResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => {
      const s = ctx.requireSession();
      return { address: s.address, deviceId: s.deviceId, expiresAt: s.expiresAt };
    },
  },
  Mutation: {
    challenge: async (_, args, ctx) => {
      const { address, deviceId } = ChallengeArgs.parse(args);
      const s = ctx.services;
      const now = s.clock.now();
      const nonce = newNonce();
      const expiresAt = now + s.config.nonceTtlMs;
      await s.store.putNonce(nonce, address, expiresAt);
      const params = { domain: s.config.siweDomain, uri: s.config.siweUri, chainId: s.config.chainId };
      return { message: buildSiweMessage(params, address, deviceId, nonce, now, expiresAt), expiresAt };
    },
    signIn: async (_, args, ctx) => {
      const { message, signature } = SignInArgs.parse(args);
      const s = ctx.services;
      const now = s.clock.now();
      const params = { domain: s.config.siweDomain, uri: s.config.siweUri, chainId: s.config.chainId };
      const v = await verifySiwe(params, message, signature, now);
      await refuseRevokedDevice(s, v.address, v.deviceId);
      // Last, and atomic: of two sign-ins with one nonce exactly one gets past this line.
      if (!(await s.store.consumeNonce(v.nonce, v.address, now))) {
        throw new ProtocolError('replay', 'this sign-in message was already used, or its nonce is unknown');
      }
      return issueSession(s, v.address, v.deviceId);
    },
    deviceChallenge: async (_, args, ctx) => {
      const { address, deviceId } = ChallengeArgs.parse(args);
      const s = ctx.services;
      const device = await s.store.getDevice(address, deviceId);
      if (device === undefined || !device.active)
        throw new ProtocolError('not_found', 'no such active device');
      const challenge = randomBytes(32).toString('hex');
      const expiresAt = s.clock.now() + s.config.nonceTtlMs;
      await s.store.putDeviceChallenge(challenge, address, deviceId, expiresAt);
      return { challenge, expiresAt };
    },
    renewSession: async (_, args, ctx) => {
      const a = RenewArgs.parse(args);
      const s = ctx.services;
      const device = await s.store.getDevice(a.address, a.deviceId);
      if (device === undefined || !device.active)
        throw new ProtocolError('forbidden', 'no such active device');
      const input = renewSigningInput(s.config.siweDomain, a.address, a.deviceId, a.challenge);
      const ok = await s.suite.ed25519.verify(hexToBytes(device.signingKey), input, hexToBytes(a.signature));
      if (!ok) throw new ProtocolError('bad_signature', 'the device signature does not verify');
      if (!(await s.store.consumeDeviceChallenge(a.challenge, a.address, a.deviceId, s.clock.now()))) {
        throw new ProtocolError('replay', 'this challenge was already used, has expired, or is unknown');
      }
      return issueSession(s, a.address, a.deviceId);
    },
    signOut: async (_, __, ctx) => {
      const auth = ctx.requireAuth();
      await ctx.services.store.revokeSession(auth.tokenHash, ctx.services.clock.now());
      await ctx.services.pubsub.publish(sessionTopic(auth.tokenHash), { type: 'revoked' });
      return true;
    },
  },
};

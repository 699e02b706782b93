// Opaque session tokens: 32 random bytes as base64url. Only SHA-256(token) is stored, so a copy
// of the database does not let anyone sign in.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A SIWE nonce: 16 random bytes as 32 alphanumeric characters (EIP-4361 wants >= 8). */
export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

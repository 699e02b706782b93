// EIP-55 checksum check for a mixed-case address. Loaded on demand: it pulls keccak from ethers.
import { getAddress } from 'ethers';

/** True when a mixed-case address carries a valid EIP-55 checksum (a typo almost always breaks it). */
export function hasValidChecksum(address: string): boolean {
  try {
    return getAddress(address) === address;
  } catch {
    return false;
  }
}

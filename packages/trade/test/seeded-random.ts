// A deterministic Random for frozen vectors and reproducible tests: keccak256(seed || counter).
import { getBytes, keccak256, toUtf8Bytes } from 'ethers';
import type { Random } from '../src/random';

export function seededRandom(seed: string): Random {
  let counter = 0;
  return (n) => {
    const out = new Uint8Array(n);
    for (let at = 0; at < n; at += 32) {
      const block = getBytes(keccak256(toUtf8Bytes(`${seed}/${counter++}`)));
      out.set(block.slice(0, Math.min(32, n - at)), at);
    }
    return out;
  };
}

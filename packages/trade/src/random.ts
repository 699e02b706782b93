// The randomness port for order salts (docs/protocol.md §11.2). Passed in so tests can freeze
// vectors with a seeded stream; the default is the platform CSPRNG.

/** Returns `n` fresh random bytes. */
export type Random = (n: number) => Uint8Array;

export const systemRandom: Random = (n) => crypto.getRandomValues(new Uint8Array(n));

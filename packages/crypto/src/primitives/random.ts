// The Random port: every construction that needs randomness takes one, so tests can pin it.

/** Returns `length` fresh uniformly random bytes. */
export type Random = (length: number) => Uint8Array;

/** The platform CSPRNG (WebCrypto getRandomValues), present in browsers and Node 20. */
export const systemRandom: Random = (length) => {
  const out = new Uint8Array(length);
  // getRandomValues fills at most 65,536 bytes a call.
  for (let i = 0; i < length; i += 65536)
    crypto.getRandomValues(out.subarray(i, Math.min(length, i + 65536)));
  return out;
};

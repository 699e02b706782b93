// The Clock port: every time the relay stores or compares comes from here, so tests can move it.
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

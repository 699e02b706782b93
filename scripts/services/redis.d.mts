export interface RunningRedis {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** SIGKILLs the server (like a crash) and waits until it is gone; start() brings it back. */
  kill(): Promise<void>;
  /** Starts the server again on the same port (after kill()). */
  start(): Promise<void>;
  /** Kills the server and deletes its folder. */
  stop(): void;
}
export function ensureRedisInstalled(): string;
export function startRedis(): Promise<RunningRedis>;

export interface RunningPostgres {
  /** postgres://parley@127.0.0.1:<port>/postgres */
  readonly url: string;
  stop(): void;
}
export function ensurePostgresInstalled(): string;
export function startPostgres(): Promise<RunningPostgres>;

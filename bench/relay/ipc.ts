// Messages between the coordinator (run.ts) and its load-generator workers (worker.ts). Each
// command carries an id; the worker answers { id, ok, result } or { id, ok: false, error }.
import type { TargetKind } from './bench-connection';
import type { SenderResult } from './open-loop-sender';
import type { CollectedDeliveries } from './receiver-set';

export interface ReceiverSpec {
  readonly receiver: string;
  readonly token: string;
  readonly conv: string;
}

export interface SenderSpec {
  readonly token: string;
  readonly conv: string;
  /** Position among all senders of the step (spreads their schedules over one interval). */
  readonly index: number;
}

export type Command =
  /** Signs in `count` fresh wallets (SIWE over HTTP) and keeps the tokens for openIdle. */
  | { readonly op: 'signIn'; readonly url: string; readonly count: number; readonly concurrency: number }
  /** `count` sockets over the kept sessions in turn, each through connection_init; waits for every ack. */
  | { readonly op: 'openIdle'; readonly wsUrl: string; readonly count: number; readonly concurrency: number }
  /** Starts the `events` subscription on every idle socket. */
  | { readonly op: 'subscribeIdle' }
  | { readonly op: 'closeIdle' }
  | {
      readonly op: 'openReceivers';
      readonly kind: TargetKind;
      readonly wsUrl: string;
      readonly receivers: readonly ReceiverSpec[];
      readonly watchStray: boolean;
    }
  | {
      readonly op: 'openSenders';
      readonly kind: TargetKind;
      readonly wsUrl: string;
      readonly senders: readonly SenderSpec[];
    }
  | {
      readonly op: 'step';
      readonly windowStartNs: number;
      readonly durationMs: number;
      readonly totalRate: number;
      readonly totalSenders: number;
      readonly maxInFlight: number;
      readonly deadlineNs: number;
    }
  | { readonly op: 'received' }
  | { readonly op: 'collect' }
  /** Receivers opened with watchStray: subscribe and complete in a loop, then one final subscription. */
  | { readonly op: 'churn'; readonly durationMs: number }
  | { readonly op: 'stray'; readonly reset: boolean }
  | { readonly op: 'cpu' }
  | { readonly op: 'closeTraffic' };

export interface Results {
  signIn: { signedIn: number; failed: number; firstError: string | undefined };
  openIdle: { opened: number; failed: number; firstError: string | undefined };
  subscribeIdle: { subscribed: number };
  closeIdle: Record<string, never>;
  openReceivers: Record<string, never>;
  openSenders: Record<string, never>;
  step: { senders: SenderResult[] };
  received: { count: number };
  collect: CollectedDeliveries;
  churn: { cycles: number; errors: number };
  stray: { count: number };
  cpu: { micros: number };
  closeTraffic: Record<string, never>;
}

export type Request = Command & { readonly id: number };
export type Reply =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

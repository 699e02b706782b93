// A server under test: the embedded relay this bench started, a cluster someone else started
// (RELAY_URL), or the raw ws baseline. `pids` are the processes whose /proc figures count as the
// server's (empty when they are not on this machine or not known).
import type { TargetKind } from './bench-connection';

export interface Target {
  readonly label: string;
  readonly kind: TargetKind;
  /** http base, for GraphQL over HTTP (sign-in and setup). */
  readonly url: string;
  readonly wsUrl: string;
  readonly pids: readonly number[];
}

export function relayTarget(label: string, httpBase: string, pids: readonly number[]): Target {
  const base = new URL(httpBase);
  const ws = `${base.protocol === 'https:' ? 'wss:' : 'ws:'}//${base.host}/graphql`;
  return { label, kind: 'relay', url: base.origin, wsUrl: ws, pids };
}

export function rawTarget(port: number, pid: number): Target {
  const url = `http://127.0.0.1:${port}`;
  return { label: 'raw ws baseline', kind: 'raw', url, wsUrl: `ws://127.0.0.1:${port}`, pids: [pid] };
}

// Test double: a Transport that passes everything to the real one and keeps a copy of every
// envelope the relay delivered (catch-up, history, live events), so a test can replay or tamper
// with real sealed bytes the way a hostile relay or sender could. `rewrite` plays a hostile relay:
// it may replace an envelope's body on its way to the engine.
import type { OperationName } from '../../src/deps/protocol';
import type { OperationSink, Transport, TransportStatus } from '../../src/transport/transport';

export interface SeenEnvelope {
  readonly conversationId: string;
  readonly clientId: string;
  readonly body: string;
  readonly recipientDevice?: string | null;
  readonly seq: number;
  readonly senderAddress: string;
  readonly senderDevice: string;
}

function isEnvelope(value: unknown): value is SeenEnvelope {
  return (
    typeof value === 'object' && value !== null && 'body' in value && 'seq' in value && 'clientId' in value
  );
}

type Rewrite = (e: SeenEnvelope) => string | undefined;

/** Copies `value`, recording each envelope and giving it the body `rewrite` returns, if any. */
function pass(value: unknown, out: SeenEnvelope[], rewrite: Rewrite | undefined): unknown {
  if (isEnvelope(value)) {
    out.push(value);
    const body = rewrite?.(value);
    return body === undefined ? value : { ...value, body };
  }
  if (Array.isArray(value)) return value.map((v) => pass(v, out, rewrite));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pass(v, out, rewrite)]));
  }
  return value;
}

export class RecordingTransport implements Transport {
  readonly envelopes: SeenEnvelope[] = [];
  rewrite: Rewrite | undefined;

  constructor(private readonly inner: Transport) {}

  async request(operation: OperationName, variables?: Record<string, unknown>): Promise<unknown> {
    const data = await this.inner.request(operation, variables);
    if (operation === 'catchUp' || operation === 'history') return pass(data, this.envelopes, this.rewrite);
    return data;
  }

  subscribe(operation: OperationName, variables: Record<string, unknown>, sink: OperationSink): () => void {
    return this.inner.subscribe(operation, variables, {
      next: (data) => sink.next(pass(data, this.envelopes, this.rewrite)),
      error: (e) => sink.error(e),
      complete: () => sink.complete(),
    });
  }

  setToken(token: string | undefined): void {
    this.inner.setToken(token);
  }

  get openOperations(): number {
    return this.inner.openOperations;
  }

  onStatus(listener: (status: TransportStatus) => void): () => void {
    return this.inner.onStatus(listener);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

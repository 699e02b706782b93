// Test double: a Transport whose answers a test scripts per operation (no relay). Used for the
// unit tests of the outbox and the sync loop, where the test decides when the relay fails.
import type { OperationName } from '../../src/deps/protocol';
import type { OperationSink, Transport, TransportStatus } from '../../src/transport/transport';

export type Handler = (variables: Record<string, unknown>) => Promise<unknown> | unknown;

export class ScriptedTransport implements Transport {
  readonly calls: Array<{ operation: OperationName; variables: Record<string, unknown> }> = [];
  readonly sinks: OperationSink[] = [];
  private readonly handlers = new Map<OperationName, Handler>();
  private open = 0;

  on(operation: OperationName, handler: Handler): this {
    this.handlers.set(operation, handler);
    return this;
  }

  async request(operation: OperationName, variables: Record<string, unknown> = {}): Promise<unknown> {
    this.calls.push({ operation, variables });
    const handler = this.handlers.get(operation);
    if (!handler) throw new Error(`no script for ${operation}`);
    return { [operation]: await handler(variables) };
  }

  subscribe(operation: OperationName, variables: Record<string, unknown>, sink: OperationSink): () => void {
    this.calls.push({ operation, variables });
    this.sinks.push(sink);
    this.open++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.open--;
    };
  }

  setToken(): void {}

  get openOperations(): number {
    return this.open;
  }

  onStatus(_listener: (status: TransportStatus) => void): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {}

  sent(operation: OperationName) {
    return this.calls.filter((c) => c.operation === operation).map((c) => c.variables);
  }
}

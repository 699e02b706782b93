// Group commit: calls that arrive while a batch is running wait, and run together as the next
// batch. With no load a call starts on the next turn of the event loop (setImmediate, so calls
// made in the same I/O phase share it); under load a batch grows to whatever arrived while the
// previous one ran, up to `maxBatch`, so the fixed cost of a round trip or a transaction is paid
// once per batch rather than once per call, without a timer adding latency at low load.
// Batches run one at a time, in arrival order, and each call settles with its own result.

export type Settled<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: unknown };

interface Waiting<I, O> {
  readonly input: I;
  readonly resolve: (value: O) => void;
  readonly reject: (error: unknown) => void;
}

export class Coalescer<I, O> {
  private readonly waiting: Array<Waiting<I, O>> = [];
  private running = false;

  /** `run` settles every input of a batch, in order; if it throws, the whole batch fails with that. */
  constructor(
    private readonly run: (inputs: readonly I[]) => Promise<ReadonlyArray<Settled<O>>>,
    private readonly maxBatch: number,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (this.running) return;
      this.running = true;
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      let results: ReadonlyArray<Settled<O>>;
      try {
        results = await this.run(batch.map((w) => w.input));
      } catch (error) {
        for (const w of batch) w.reject(error);
        continue;
      }
      batch.forEach((w, i) => {
        const r = results[i];
        if (r === undefined) w.reject(new Error('batch runner returned too few results'));
        else if (r.ok) w.resolve(r.value);
        else w.reject(r.error);
      });
    }
    this.running = false;
  }
}

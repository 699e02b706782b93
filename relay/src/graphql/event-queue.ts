// A bounded push queue exposed as an async iterator: the bridge from pub/sub callbacks to a
// GraphQL subscription. `end()` lets queued items drain, then completes.
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiter: ((r: IteratorResult<T>) => void) | undefined;
  private ended = false;

  constructor(
    readonly capacity: number,
    private readonly onClose: () => void,
  ) {}

  get size(): number {
    return this.items.length;
  }

  get closed(): boolean {
    return this.ended;
  }

  /** False when the queue is full or ended (the item is dropped). */
  push(item: T): boolean {
    if (this.ended) return false;
    const w = this.waiter;
    if (w !== undefined) {
      this.waiter = undefined;
      w({ value: item, done: false });
      return true;
    }
    if (this.items.length >= this.capacity) return false;
    this.items.push(item);
    return true;
  }

  /** Pushes `last` past the capacity, then completes after the queue drains. */
  end(last?: T): void {
    if (this.ended) return;
    if (last !== undefined) {
      const w = this.waiter;
      if (w !== undefined) {
        this.waiter = undefined;
        w({ value: last, done: false });
      } else this.items.push(last);
    }
    this.ended = true;
    this.onClose();
    if (this.items.length === 0) this.finishWaiter();
  }

  private finishWaiter() {
    const w = this.waiter;
    this.waiter = undefined;
    w?.({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    if (!this.ended) {
      this.ended = true;
      this.onClose();
    }
    this.finishWaiter();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

// Test double: an in-process LockManager with the Web Locks API semantics the engine relies on
// (exclusive mode, FIFO queue, ifAvailable, abort while waiting). Node 20 has no navigator.locks
// (checked: `typeof navigator` is 'undefined' on Node 20.20), so two engines in one Node process
// share one of these, the way two tabs share the browser's.
import type { LockLike, LockManagerLike, LockRequestOptions } from '../../src/ports/locks';

interface Waiter {
  readonly grant: () => void;
}

export class InProcessLockManager implements LockManagerLike {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, Waiter[]>();

  async request<T>(
    name: string,
    options: LockRequestOptions,
    callback: (lock: LockLike | null) => Promise<T> | T,
  ): Promise<T> {
    if (options.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { grant: resolve };
        const queue = this.queues.get(name) ?? [];
        queue.push(waiter);
        this.queues.set(name, queue);
        options.signal?.addEventListener('abort', () => {
          const q = this.queues.get(name) ?? [];
          const i = q.indexOf(waiter);
          if (i >= 0) {
            q.splice(i, 1);
            reject(new DOMException('aborted', 'AbortError'));
          }
        });
      });
    }
    this.held.add(name);
    try {
      return await callback({ name });
    } finally {
      this.held.delete(name);
      const next = this.queues.get(name)?.shift();
      if (next) {
        this.held.add(name);
        next.grant();
      }
    }
  }

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  waiting(name: string): number {
    return this.queues.get(name)?.length ?? 0;
  }
}

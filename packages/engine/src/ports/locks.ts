// The Locks port: the part of the Web Locks API (navigator.locks) the engine uses to elect the one
// tab that syncs (DESIGN.md §1.4). The browser's LockManager satisfies it as is. Node 20 has no
// navigator.locks, so Node tests pass a small in-process implementation (test double).
export interface LockLike {
  readonly name: string;
}

export interface LockRequestOptions {
  readonly mode?: 'exclusive' | 'shared';
  readonly ifAvailable?: boolean;
  readonly signal?: AbortSignal;
}

export interface LockManagerLike {
  request<T>(
    name: string,
    options: LockRequestOptions,
    callback: (lock: LockLike | null) => Promise<T> | T,
  ): Promise<T>;
}

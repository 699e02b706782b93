// Signature requests from the built-in wallet wait here until the person approves or declines
// them in the signature dialog. One at a time, in order. Also remembers what the engine said the
// next signature is for (EngineApi onPrompt), as a hint for text it cannot classify.
import type { SignatureRequest } from './builtin-provider';
import { classifySignature, type SignaturePurpose } from './signature-purpose';

export interface PendingApproval {
  readonly id: number;
  readonly request: SignatureRequest;
  readonly purpose: SignaturePurpose;
}

export interface ApprovalQueue {
  /** The built-in provider's `confirm`. */
  confirm(request: SignatureRequest): Promise<boolean>;
  current(): PendingApproval | undefined;
  answer(id: number, approved: boolean): void;
  setHint(hint: 'sign-in' | 'link-device' | undefined): void;
  subscribe(listener: () => void): () => void;
}

export function createApprovalQueue(): ApprovalQueue {
  // Each entry keeps one PendingApproval object, so current() is referentially stable
  // (useSyncExternalStore requires it).
  const queue: Array<{ approval: PendingApproval; resolve: (ok: boolean) => void }> = [];
  const listeners = new Set<() => void>();
  let nextId = 1;
  let hint: 'sign-in' | 'link-device' | undefined;
  const notify = () => {
    for (const l of listeners) l();
  };
  return {
    confirm(request) {
      return new Promise<boolean>((resolve) => {
        queue.push({
          approval: { id: nextId++, request, purpose: classifySignature(request, hint) },
          resolve,
        });
        if (queue.length === 1) notify();
      });
    },
    current: () => queue[0]?.approval,
    answer(id, approved) {
      const head = queue[0];
      if (!head || head.approval.id !== id) return;
      queue.shift();
      head.resolve(approved);
      notify();
    },
    setHint(next) {
      hint = next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

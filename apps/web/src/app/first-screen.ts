// Marks the moment the first real screen is on the page. Work that the first screen does not need
// (the engine's chunk) waits for it, and the bundle budget counts only the JavaScript fetched
// before it (e2e/tests/bundle-budget.spec.ts reads the performance mark).
import { useEffect } from 'react';

export const FIRST_SCREEN_MARK = 'parley:first-screen';

let marked = false;
let resolveFirstScreen: () => void = () => undefined;
const firstScreen = new Promise<void>((resolve) => {
  resolveFirstScreen = resolve;
});

export function markFirstScreen(): void {
  if (marked) return;
  marked = true;
  performance.mark(FIRST_SCREEN_MARK);
  resolveFirstScreen();
}

/** Resolves when the first screen is shown, or after `fallbackMs` whatever happens. */
export function afterFirstScreen(fallbackMs: number): Promise<void> {
  return Promise.race([firstScreen, new Promise<void>((resolve) => setTimeout(resolve, fallbackMs))]);
}

/** Call in each top-level screen. */
export function useFirstScreenMark(): void {
  useEffect(() => markFirstScreen(), []);
}

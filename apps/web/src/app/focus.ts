// Keeps keyboard focus somewhere sensible when a screen change hides the focused element (on a
// phone the list and the thread replace each other, so the link you activated disappears).

function isVisible(el: Element): boolean {
  if ('checkVisibility' in el && typeof el.checkVisibility === 'function') return el.checkVisibility();
  return (el as HTMLElement).offsetParent !== null;
}

/** True when nothing visible has focus. */
export function focusIsLost(doc: Document = document): boolean {
  const active = doc.activeElement;
  return active === null || active === doc.body || !isVisible(active);
}

/** Moves focus to `target` only if focus is lost, without scrolling. */
export function focusIfLost(target: HTMLElement | null | undefined): void {
  if (target && focusIsLost(target.ownerDocument)) target.focus({ preventScroll: true });
}

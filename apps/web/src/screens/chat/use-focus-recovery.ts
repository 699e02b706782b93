// On a phone the list and the thread replace each other, so the link or back button the person
// just used disappears and focus would fall to <body>. This moves it somewhere sensible: the
// thread's heading when a conversation opens, the conversation's link when going back. It acts
// only after the person has focused something (a fresh page load keeps the browser's default).
import { useEffect, useRef } from 'react';
import { focusIfLost } from '../../app/focus';
import { type Route, routeHref } from '../../app/route';

/** Returns whether the thread being opened should take focus if focus was lost. */
export function useFocusRecovery(route: Route): { focusOnOpen: boolean } {
  const initialRoute = useRef(route);
  const lastOpened = useRef<string | undefined>(undefined);
  const hasFocused = useRef(false);

  useEffect(() => {
    const onFocusIn = () => {
      hasFocused.current = true;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

  useEffect(() => {
    if (route.name === 'conversation') lastOpened.current = route.id;
    else if (route.name === 'home' && lastOpened.current && hasFocused.current) {
      const href = routeHref({ name: 'conversation', id: lastOpened.current });
      focusIfLost(document.querySelector<HTMLElement>(`.conversations a[href="${href}"]`));
    }
  }, [route]);

  return { focusOnOpen: route !== initialRoute.current && hasFocused.current };
}

import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './route';

const ID = '0123456789abcdef0123456789abcdef';

describe('routes', () => {
  it('round-trips every route through its href', () => {
    for (const route of [{ name: 'home' }, { name: 'settings' }, { name: 'conversation', id: ID }] as const) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });

  it('sends anything unknown or malformed home', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/c/not-an-id')).toEqual({ name: 'home' });
    expect(parseRoute(`#/c/${ID.toUpperCase()}`)).toEqual({ name: 'home' });
    expect(parseRoute(`#/c/${ID}/x`)).toEqual({ name: 'home' });
    expect(parseRoute('#/nope')).toEqual({ name: 'home' });
  });
});

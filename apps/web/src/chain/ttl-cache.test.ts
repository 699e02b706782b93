import { describe, expect, it } from 'vitest';
import { displayText } from './display-text';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('shares a lookup until it expires, forgets failures and keeps at most maxEntries', async () => {
    let now = 0;
    let loads = 0;
    const cache = new TtlCache(2, () => now);
    const load = async () => ++loads;
    expect(await cache.get('a', 100, load)).toBe(1);
    expect(await cache.get('a', 100, load)).toBe(1);
    now = 101;
    expect(await cache.get('a', 100, load)).toBe(2);

    await expect(cache.get('b', 100, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('b', 100, load)).toBe(3);

    await cache.get('c', 100, load); // evicts 'a', the oldest
    expect(await cache.get('a', 100, load)).toBe(5);
  });
});

describe('displayText', () => {
  it('removes controls and bidi overrides, collapses space and cuts long text', () => {
    expect(displayText('a\u202eb\u0007c\u200bd  e', 20)).toBe('abcd e');
    expect(displayText('abcdef', 4)).toBe('abc…');
    expect(displayText('\u202e', 4)).toBeUndefined();
    expect(displayText(7, 4)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { readThemeMirror, resolveTheme } from './theme';

describe('theme', () => {
  it('follows the system only when asked to', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('reads the first-paint mirror, defaulting to system', () => {
    const storage = (v: string | null) => ({ getItem: () => v });
    expect(readThemeMirror(storage('dark'))).toBe('dark');
    expect(readThemeMirror(storage('light'))).toBe('light');
    expect(readThemeMirror(storage('purple'))).toBe('system');
    expect(readThemeMirror(storage(null))).toBe('system');
  });
});

import { describe, expect, it } from 'vitest';
import { dayKey, daysBetween, formatDayLabel, formatListTime } from './time-format';

const tz = 'Europe/Madrid';
const at = (iso: string) => Date.parse(iso);
const now = at('2026-11-20T15:00:00+01:00'); // Friday

describe('time formatting', () => {
  it('puts a time on its calendar day in the given zone', () => {
    expect(dayKey(at('2026-11-20T23:30:00Z'), tz)).toBe('2026-11-21');
    expect(dayKey(at('2026-11-20T23:30:00Z'), 'UTC')).toBe('2026-11-20');
  });

  it('counts calendar days, not 24-hour periods, across a DST change', () => {
    // Spring forward in Madrid: 2026-03-29 has 23 hours.
    expect(daysBetween(at('2026-03-28T23:30:00+01:00'), at('2026-03-30T00:30:00+02:00'), tz)).toBe(2);
    expect(daysBetween(at('2026-03-29T23:30:00+02:00'), at('2026-03-30T00:10:00+02:00'), tz)).toBe(1);
  });

  it('shows the time today, the weekday this week, then the date', () => {
    const o = { locale: 'en-US', timeZone: tz };
    expect(formatListTime(at('2026-11-20T09:05:00+01:00'), now, o)).toBe('9:05 AM');
    expect(formatListTime(at('2026-11-17T09:05:00+01:00'), now, o)).toBe('Tue');
    expect(formatListTime(at('2026-10-02T09:05:00+02:00'), now, o)).toBe('Oct 2');
    expect(formatListTime(at('2025-10-02T09:05:00+02:00'), now, o)).toBe('Oct 2, 2025');
  });

  it('formats in the UI language', () => {
    const o = { locale: 'es', timeZone: tz };
    expect(formatListTime(at('2026-11-17T09:05:00+01:00'), now, o)).toBe('mar');
    expect(formatListTime(at('2026-11-20T21:05:00+01:00'), now, o)).toBe('21:05');
  });

  it('labels day separators today / yesterday / full date', () => {
    const o = { locale: 'en-US', timeZone: tz, today: 'Today', yesterday: 'Yesterday' };
    expect(formatDayLabel(at('2026-11-20T00:01:00+01:00'), now, o)).toBe('Today');
    expect(formatDayLabel(at('2026-11-19T23:59:00+01:00'), now, o)).toBe('Yesterday');
    expect(formatDayLabel(at('2026-11-16T12:00:00+01:00'), now, o)).toBe('Monday, November 16');
    expect(formatDayLabel(at('2025-11-16T12:00:00+01:00'), now, o)).toBe('Sunday, November 16, 2025');
  });
});

// Times as the conversation list and the thread show them, in the UI language. The time zone is
// a parameter (the browser's by default) so tests are deterministic.

const DAY_MS = 86_400_000;
const keyFormatters = new Map<string, Intl.DateTimeFormat>();

function keyFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const cacheKey = timeZone ?? '';
  let f = keyFormatters.get(cacheKey);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(timeZone ? { timeZone } : {}),
    });
    keyFormatters.set(cacheKey, f);
  }
  return f;
}

/** The calendar day of `ms` in the time zone, as YYYY-MM-DD. */
export function dayKey(ms: number, timeZone?: string): string {
  return keyFormatter(timeZone).format(ms);
}

/** Whole calendar days from `ms`'s day to `now`'s day (0 = same day), immune to DST. */
export function daysBetween(ms: number, now: number, timeZone?: string): number {
  const toUtc = (key: string): number => {
    const [y, m, d] = key.split('-').map(Number);
    return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  };
  return Math.round((toUtc(dayKey(now, timeZone)) - toUtc(dayKey(ms, timeZone))) / DAY_MS);
}

export interface TimeFormatOptions {
  readonly locale: string;
  readonly timeZone?: string;
}

function fmt(ms: number, options: TimeFormatOptions, parts: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(options.locale, {
    ...parts,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(ms);
}

export function formatClock(ms: number, options: TimeFormatOptions): string {
  return fmt(ms, options, { hour: 'numeric', minute: '2-digit' });
}

/** Conversation list: the time today, the weekday this week, else the date. */
export function formatListTime(ms: number, now: number, options: TimeFormatOptions): string {
  const days = daysBetween(ms, now, options.timeZone);
  if (days <= 0) return formatClock(ms, options);
  if (days < 7) return fmt(ms, options, { weekday: 'short' });
  if (dayKey(ms, options.timeZone).slice(0, 4) === dayKey(now, options.timeZone).slice(0, 4)) {
    return fmt(ms, options, { day: 'numeric', month: 'short' });
  }
  return fmt(ms, options, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** Thread day separator: "today" / "yesterday" (the caller's words), else the full date. */
export function formatDayLabel(
  ms: number,
  now: number,
  options: TimeFormatOptions & { readonly today: string; readonly yesterday: string },
): string {
  const days = daysBetween(ms, now, options.timeZone);
  if (days === 0) return options.today;
  if (days === 1) return options.yesterday;
  const sameYear = dayKey(ms, options.timeZone).slice(0, 4) === dayKey(now, options.timeZone).slice(0, 4);
  return fmt(ms, options, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

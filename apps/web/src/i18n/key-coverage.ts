// Checks that a translation has every key of the English one, with the same {{placeholders}}.
// Plural keys (_one, _other, ...) may differ by language: each language has its own plural forms
// (CLDR), so a key counts as covered when the other language has any plural form of it.

export type Messages = { readonly [key: string]: string | Messages };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

export function flattenKeys(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flattenKeys(value, path)) out.set(k, v);
  }
  return out;
}

function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

export interface CoverageReport {
  /** Keys of the base language that the other language lacks. */
  readonly missing: string[];
  /** Keys the other language has that the base language does not. */
  readonly extra: string[];
  /** Keys whose placeholders differ. */
  readonly placeholderMismatch: string[];
  /** Keys whose translation is empty. */
  readonly empty: string[];
}

/**
 * `pluralCategories` are the other language's CLDR plural forms
 * (`new Intl.PluralRules(lng).resolvedOptions().pluralCategories`): each plural key must have all.
 */
export function checkCoverage(
  base: Messages,
  other: Messages,
  pluralCategories?: readonly string[],
): CoverageReport {
  const a = flattenKeys(base);
  const b = flattenKeys(other);
  const bases = (m: Map<string, string>) => new Set([...m.keys()].map(baseKey));
  const aBases = bases(a);
  const bBases = bases(b);
  const missing = [...a.keys()].filter(
    (k) => !b.has(k) && !(PLURAL_SUFFIX.test(k) && bBases.has(baseKey(k))),
  );
  if (pluralCategories) {
    const pluralBases = new Set([...a.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map(baseKey));
    for (const key of pluralBases) {
      for (const category of pluralCategories) {
        const form = `${key}_${category}`;
        if (!b.has(form) && !missing.includes(form)) missing.push(form);
      }
    }
  }
  const extra = [...b.keys()].filter((k) => !a.has(k) && !(PLURAL_SUFFIX.test(k) && aBases.has(baseKey(k))));
  const placeholderMismatch: string[] = [];
  for (const [key, text] of b) {
    const reference = a.get(key) ?? a.get(`${baseKey(key)}_other`);
    if (reference === undefined) continue;
    // A singular form may spell the count out ("one message"), so it may drop {{count}}.
    const want = placeholders(reference).filter((p) => !(p === 'count' && key.endsWith('_one')));
    const got = placeholders(text).filter((p) => !(p === 'count' && key.endsWith('_one')));
    if (want.join() !== got.join()) placeholderMismatch.push(key);
  }
  const empty = [...b.entries()].filter(([, v]) => v.trim() === '').map(([k]) => k);
  return { missing, extra, placeholderMismatch, empty };
}

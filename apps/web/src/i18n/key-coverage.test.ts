import { describe, expect, it } from 'vitest';
import { checkCoverage, flattenKeys, type Messages, placeholders } from './key-coverage';
import { LANGUAGES } from './languages';
import { en } from './resources/en';
import { es } from './resources/es';

const translations: Record<(typeof LANGUAGES)[number], Messages> = { en, es };

describe('i18n key coverage', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s has every English key, the same placeholders, nothing empty',
    (lng) => {
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      const report = checkCoverage(en, translations[lng], categories);
      expect(report).toEqual({ missing: [], extra: [], placeholderMismatch: [], empty: [] });
    },
  );

  it('has a resource for every language the picker offers', () => {
    for (const lng of LANGUAGES) expect(flattenKeys(translations[lng]).size).toBeGreaterThan(100);
  });

  it('keeps the accessible names the tests rely on', () => {
    expect(en.conversations.label).toBe('Conversations');
    expect(en.composer.label).toBe('Message');
    expect(en.composer.send).toBe('Send');
    expect(en.conversations.new).toBe('New conversation');
    expect(en.newConversation.title).toBe('New conversation');
    expect(en.newConversation.label).toBe('Wallet address or ENS name');
    expect(en.thread.messages).toBe('Messages');
  });
});

describe('the coverage checker itself', () => {
  it('finds missing, extra, empty keys and placeholder mismatches', () => {
    const base = { a: 'A {{x}}', n: { b: 'B', c_one: 'one', c_other: '{{count}} c' } };
    const other = {
      a: 'A {{y}}',
      n: { b: ' ', c_one: 'uno', c_many: '{{count}} c', c_other: '{{count}} c' },
      z: 'extra',
    };
    expect(checkCoverage(base, other)).toEqual({
      missing: [],
      extra: ['z'],
      placeholderMismatch: ['a'],
      empty: ['n.b'],
    });
    expect(checkCoverage(base, { n: { b: 'B' } }).missing).toEqual(['a', 'n.c_one', 'n.c_other']);
  });

  it('accepts a language with fewer plural forms than English', () => {
    // Languages without a singular form (e.g. Japanese) have only _other.
    expect(checkCoverage({ c_one: 'one', c_other: '{{count}}' }, { c_other: '{{count}}' }).missing).toEqual(
      [],
    );
  });

  it('requires every plural form the language has', () => {
    const base = { c_one: 'one', c_other: '{{count}}' };
    expect(
      checkCoverage(base, { c_one: 'uno', c_other: '{{count}}' }, ['one', 'many', 'other']).missing,
    ).toEqual(['c_many']);
  });

  it('reads placeholders', () => {
    expect(placeholders('{{b}} and {{ a }} and {{b}}')).toEqual(['a', 'b', 'b']);
  });
});

import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/shared/errors';
import da from '../../src/renderer/src/i18n/locales/da.json';
import en from '../../src/renderer/src/i18n/locales/en.json';
import nl from '../../src/renderer/src/i18n/locales/nl.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') entries.set(prefix + key, value);
    else for (const [nested, text] of flatten(value, `${prefix}${key}.`)) entries.set(nested, text);
  }
  return entries;
}

const locales = { en: flatten(en), da: flatten(da), nl: flatten(nl) };

describe('locale files', () => {
  it('have exactly the same keys', () => {
    const reference = [...locales.en.keys()].sort();
    expect([...locales.da.keys()].sort()).toEqual(reference);
    expect([...locales.nl.keys()].sort()).toEqual(reference);
  });

  it.each(Object.entries(locales))('%s explains every error code', (_language, entries) => {
    for (const code of errorCodes) {
      const text = entries.get(`errors.${code}`);
      expect(text, `errors.${code}`).toBeTypeOf('string');
      // What happened and what to do next: at least two clauses.
      expect(text?.length ?? 0, `errors.${code}`).toBeGreaterThan(40);
    }
  });

  it.each(Object.entries(locales))('%s has no empty strings', (_language, entries) => {
    for (const [key, text] of entries) expect(text.trim(), key).not.toBe('');
  });

  it.each(['da', 'nl'] as const)('%s is a real translation, not an English copy', (language) => {
    // Proper names and language names legitimately stay the same.
    const sameAsEnglish = [...locales[language]].filter(([key, text]) => locales.en.get(key) === text).map(([key]) => key);
    expect(sameAsEnglish.length / locales.en.size).toBeLessThan(0.1);
    for (const code of errorCodes) expect(sameAsEnglish, `errors.${code}`).not.toContain(`errors.${code}`);
  });

  it('keeps the same interpolation variables in every language', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    for (const [key, text] of locales.en) {
      expect(variables(locales.da.get(key) ?? ''), `da ${key}`).toEqual(variables(text));
      expect(variables(locales.nl.get(key) ?? ''), `nl ${key}`).toEqual(variables(text));
    }
  });
});

import { describe, expect, it } from 'vitest';
import * as texts from './texts';
import type { LocalizedText } from './types';

/** Every LocalizedText the forecast exports, with where it sits. */
function collect(value: unknown, path: string, out: [string, LocalizedText][]): void {
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (typeof record.en === 'string' && typeof record.ru === 'string') {
    out.push([path, record as LocalizedText]);
    return;
  }
  for (const [key, inner] of Object.entries(record)) collect(inner, `${path}.${key}`, out);
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the forecast’s words', () => {
  const all: [string, LocalizedText][] = [];
  for (const [name, value] of Object.entries(texts)) collect(value, name, all);

  it('exist in English and Russian', () => {
    expect(all.length).toBeGreaterThan(80);
    for (const [path, text] of all) {
      expect(text.en.trim(), path).not.toBe('');
      expect(text.ru.trim(), path).not.toBe('');
      expect(/[а-яё]/i.test(text.ru) || text.ru === text.en, `${path} is not Russian`).toBe(true);
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [path, text] of all) expect(placeholders(text.ru), path).toEqual(placeholders(text.en));
  });

  it('label every explain input in words in both languages, never by its key (issue 15)', () => {
    for (const [key, label] of Object.entries(texts.INPUT_LABEL)) {
      for (const words of [label.en, label.ru]) {
        expect(words.trim(), key).not.toBe('');
        if (/[A-Z]/.test(key)) expect(words, key).not.toContain(key); // a camelCase key never stands for its label
        expect(words, key).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/); // no camelCase
      }
    }
  });
});

/// <reference types="vite/client" />
// Every area's strings: both languages have the same keys, no empty string,
// and the same {placeholders} (the compiler checks keys; this checks values).
import { describe, expect, it } from 'vitest';
import type { Messages } from '../i18n.svelte.ts';

const areas = import.meta.glob<Record<string, Messages<string>>>('./*.ts', { eager: true });

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface strings', () => {
  for (const [file, mod] of Object.entries(areas) as [string, Record<string, Messages<string>>][]) {
    if (file.endsWith('.test.ts')) continue;
    for (const [name, messages] of Object.entries(mod) as [string, Messages<string>][]) {
      it(`${file} ${name}: zh-CN and en agree`, () => {
        expect(Object.keys(messages['zh-CN']).sort()).toEqual(Object.keys(messages.en).sort());
        for (const [key, en] of Object.entries(messages.en) as [string, string][]) {
          const zh = messages['zh-CN'][key]!;
          expect(en.trim(), key).not.toBe('');
          expect(zh.trim(), key).not.toBe('');
          expect(placeholders(zh), key).toEqual(placeholders(en));
        }
      });
    }
  }
});

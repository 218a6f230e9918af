import { describe, expect, it } from 'vitest';
import { format, pickLocale } from './i18n.svelte.ts';

describe('the interface language', () => {
  it('follows the browser: Simplified Chinese for zh, zh-CN, zh-Hans-*, zh-SG', () => {
    expect(pickLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(pickLocale(['zh'])).toBe('zh-CN');
    expect(pickLocale(['zh-Hans-CN'])).toBe('zh-CN');
    expect(pickLocale(['zh-SG'])).toBe('zh-CN');
  });
  it('English otherwise, and for Traditional Chinese (not offered)', () => {
    expect(pickLocale(['en-GB', 'zh-CN'])).toBe('en');
    expect(pickLocale(['fr-FR', 'de'])).toBe('en');
    expect(pickLocale(['zh-TW', 'fr'])).toBe('en');
    expect(pickLocale(['zh-Hant-HK', 'zh-CN'])).toBe('zh-CN');
    expect(pickLocale([])).toBe('en');
  });
  it('fills {placeholders} and leaves unknown ones', () => {
    expect(format('{n} images, {x}', { n: 3 })).toBe('3 images, {x}');
  });
});

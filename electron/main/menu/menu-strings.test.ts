import { describe, expect, it } from 'vitest';
import { fill, MENU_STRINGS, menuStrings } from './menu-strings';

describe('menu strings', () => {
  it('have the same keys in English and Korean', () => {
    expect(Object.keys(MENU_STRINGS.ko).sort()).toEqual(Object.keys(MENU_STRINGS.en).sort());
  });

  it('have no empty label', () => {
    for (const strings of Object.values(MENU_STRINGS)) {
      for (const value of Object.values(strings)) expect(value.trim()).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(MENU_STRINGS.en) as Array<keyof typeof MENU_STRINGS.en>) {
      expect(placeholders(MENU_STRINGS.ko[key]), key).toEqual(placeholders(MENU_STRINGS.en[key]));
    }
  });

  it('are really translated', () => {
    expect(menuStrings('ko').edit).not.toBe(menuStrings('en').edit);
  });

  it('fill in the app name', () => {
    expect(fill(menuStrings('en').about, { app: 'Org Token Helper' })).toBe('About Org Token Helper');
    expect(fill(menuStrings('ko').quit, { app: 'Org Token Helper' })).toBe('Org Token Helper 종료');
    expect(fill('{unknown}', {})).toBe('{unknown}');
  });
});

import { describe, expect, it } from 'vitest';
import { classifyPastedToken, maskToken } from './token-shape';

// Minted from pieces at run time: nothing in the repository looks like a real credential.
const body = () => ['1'.repeat(10), '2'.repeat(11), '3'.repeat(13), 'abcdef0123456789abcdef0123456789'].join('-');
const make = (prefix: string) => prefix + body();

describe('classifyPastedToken', () => {
  it.each([
    ['xoxp-', 'user'],
    ['xoxe.xoxp-', 'rotating-user'],
    ['xoxb-', 'bot'],
    ['xoxe.xoxb-', 'rotating-bot'],
    ['xoxe-', 'refresh'],
  ])('recognizes %s as %s', (prefix, kind) => {
    expect(classifyPastedToken(make(prefix))).toEqual({ ok: true, token: make(prefix), kind });
  });

  it('trims whitespace, quotes and backticks around the paste', () => {
    const token = make('xoxp-');
    for (const pasted of [`  ${token}\n`, `"${token}"`, `'${token}'`, `\`${token}\``, `\u201c${token}\u201d`, `\t"${token}",`.replace(',', '')]) {
      expect(classifyPastedToken(pasted)).toEqual({ ok: true, token, kind: 'user' });
    }
  });

  it.each(['xoxc-', 'xoxd-', 'XOXC-'])('refuses %s browser session values, even URL-encoded ones', (prefix) => {
    expect(classifyPastedToken(make(prefix))).toEqual({ ok: false, code: 'browser-session-token' });
    expect(classifyPastedToken(`${prefix}abc%2Fdef%3D${body()}`)).toEqual({ ok: false, code: 'browser-session-token' });
  });

  it.each(['xapp-', 'xwfp-', 'xoxa-', 'xoxr-', 'ghp_', 'Bearer xoxp-'])('refuses %s values as an invalid format', (prefix) => {
    expect(classifyPastedToken(make(prefix))).toEqual({ ok: false, code: 'invalid-token-format' });
  });

  it('refuses values that are too short, too long or carry other characters', () => {
    expect(classifyPastedToken('xoxp-123')).toEqual({ ok: false, code: 'invalid-token-format' });
    expect(classifyPastedToken(`xoxp-${'a'.repeat(396)}`)).toEqual({ ok: false, code: 'invalid-token-format' });
    expect(classifyPastedToken(`xoxp-${'a'.repeat(395)}`)).toMatchObject({ ok: true });
    expect(classifyPastedToken(make('xoxp-') + ' extra')).toEqual({ ok: false, code: 'invalid-token-format' });
    expect(classifyPastedToken(make('xoxp-').replace('abc', 'a/c'))).toEqual({ ok: false, code: 'invalid-token-format' });
    expect(classifyPastedToken('')).toEqual({ ok: false, code: 'invalid-token-format' });
  });
});

describe('maskToken', () => {
  it('shows the prefix and the last four characters only', () => {
    expect(maskToken(make('xoxp-'))).toBe('xoxp-…6789');
    expect(maskToken(make('xoxe.xoxp-'))).toBe('xoxe.xoxp-…6789');
    expect(maskToken(make('xoxe-'))).toBe('xoxe-…6789');
  });

  it('gives nothing away for a short or unknown value beyond what is safe', () => {
    expect(maskToken('xoxp-abcd')).toBe('xoxp-…');
    expect(maskToken(`zz${body()}`)).toBe('…6789');
  });
});

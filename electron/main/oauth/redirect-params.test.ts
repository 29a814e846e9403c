import { describe, expect, it } from 'vitest';
import { parsePastedRedirect, parseRedirect } from './redirect-params';

const STATE = 'Zq3_state-value-0123456789abcdefABCDEF';
const CODE_ONLY = 'abcdef0123456789';

describe('parseRedirect', () => {
  it('returns the code when the state matches', () => {
    expect(parseRedirect(`https://localhost/?code=123.456.abc&state=${STATE}`, STATE)).toEqual({ kind: 'code', code: '123.456.abc' });
  });

  it('reports Cancel on Slack as access-denied, with or without a state', () => {
    for (const url of ['https://localhost/?error=access_denied', `https://localhost/?error=access_denied&state=${STATE}`]) {
      const result = parseRedirect(url, STATE);
      expect(result).toMatchObject({ kind: 'error', error: { code: 'access-denied', backTo: 'sign-in' } });
    }
  });

  it('maps not_allowed and keeps unknown Slack errors as codes', () => {
    expect(parseRedirect(`https://localhost/?error=not_allowed&state=${STATE}`, STATE)).toMatchObject({ error: { code: 'not-allowed', slackError: 'not_allowed' } });
    expect(parseRedirect(`https://localhost/?error=invalid_team_for_app&state=${STATE}`, STATE)).toMatchObject({
      error: { code: 'unknown-slack-error', slackError: 'invalid_team_for_app' },
    });
  });

  it('does not echo an error value that is not a Slack error code', () => {
    const result = parseRedirect('https://localhost/?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E', STATE);
    expect(result).toEqual({ kind: 'error', error: { code: 'unknown-slack-error', backTo: 'sign-in' } });
  });

  it('refuses a missing, different, or differently sized state', () => {
    for (const url of [
      'https://localhost/?code=1',
      `https://localhost/?code=1&state=${STATE.slice(0, -1)}X`,
      `https://localhost/?code=1&state=${STATE}extra`,
      'https://localhost/?code=1&state=',
    ]) {
      expect(parseRedirect(url, STATE)).toMatchObject({ kind: 'error', error: { code: 'state-mismatch' } });
    }
  });

  it('reports a redirect without a code', () => {
    expect(parseRedirect(`https://localhost/?state=${STATE}`, STATE)).toMatchObject({ error: { code: 'pasted-url-no-code' } });
  });
});

describe('parsePastedRedirect', () => {
  const options = { redirectUri: 'https://localhost', expectedState: STATE };

  it('accepts the address as copied, with spaces and line breaks around and inside it', () => {
    const text = `  https://localhost/?code=111.222.abc&\n  state=${STATE}\n`;
    expect(parsePastedRedirect(text, options)).toEqual({ kind: 'code', code: '111.222.abc' });
  });

  it('accepts the address without https://', () => {
    expect(parsePastedRedirect(`localhost/?code=9&state=${STATE}`, options)).toEqual({ kind: 'code', code: '9' });
  });

  it('accepts just the query part', () => {
    expect(parsePastedRedirect(`?code=9&state=${STATE}`, options)).toEqual({ kind: 'code', code: '9' });
  });

  it('refuses another host', () => {
    for (const text of [`https://evil.test/?code=9&state=${STATE}`, `https://localhost.evil.test/?code=9&state=${STATE}`, `http://localhost/?code=9&state=${STATE}`]) {
      expect(parsePastedRedirect(text, options)).toMatchObject({ error: { code: 'pasted-url-foreign-host' } });
    }
  });

  it('refuses text that is not an address', () => {
    for (const text of ['', '   ', 'https://', 'javascript:alert(1)', '::::', 'hello', CODE_ONLY]) {
      expect(parsePastedRedirect(text, options)).toMatchObject({ error: { code: 'pasted-url-invalid' } });
    }
  });

  it('reports an address without a code, a wrong state, and a denial', () => {
    expect(parsePastedRedirect(`https://localhost/?state=${STATE}`, options)).toMatchObject({ error: { code: 'pasted-url-no-code' } });
    expect(parsePastedRedirect('https://localhost/?code=9&state=other', options)).toMatchObject({ error: { code: 'state-mismatch' } });
    expect(parsePastedRedirect('https://localhost/?error=access_denied', options)).toMatchObject({ error: { code: 'access-denied' } });
  });
});

import { describe, expect, it } from 'vitest';
import { detectSlackErrorPage } from './slack-error-page';

describe('detectSlackErrorPage', () => {
  it("recognises Slack's redirect_uri mismatch page, whatever the case and line breaks", () => {
    expect(detectSlackErrorPage('Oops!\nredirect_uri did not match any configured URIs. Passed URI: https://localhost:8443')).toBe('redirect-uri-mismatch');
    expect(detectSlackErrorPage('REDIRECT_URI DID NOT MATCH\n ANY CONFIGURED URIS')).toBe('redirect-uri-mismatch');
  });

  it('ignores ordinary sign-in pages', () => {
    expect(detectSlackErrorPage('Sign in to your organization')).toBeNull();
    expect(detectSlackErrorPage('')).toBeNull();
  });
});

// The page carries the same policy as the header (minus frame-ancestors, which a <meta> tag
// cannot carry): a drift here would leave the page weaker than the tested header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyMetaContent } from './content-security-policy';

describe('renderer/index.html', () => {
  const html = readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8');

  it('declares exactly the app’s Content-Security-Policy in a meta tag', () => {
    const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(match?.[1]).toBe(contentSecurityPolicyMetaContent());
  });

  it('loads no remote or inline script', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(body.trim()).toBe('');
      expect(attributes).not.toMatch(/src="(https?:)?\/\//i);
    }
  });
});

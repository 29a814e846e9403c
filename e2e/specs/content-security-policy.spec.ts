// The renderer's Content-Security-Policy, proven in real Chromium: an injected inline script
// does not run, and a remote script is refused.
import { expect, test } from '../harness/fixtures';

test('an injected inline script is blocked by the CSP', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

  const violations: string[] = [];
  await page.exposeFunction('__reportViolation', (directive: string) => violations.push(directive));
  const ran = await page.evaluate(async () => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { __reportViolation(d: string): void }).__reportViolation(event.effectiveDirective);
    });
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
    const handler = document.createElement('img');
    handler.setAttribute('src', 'data:,x');
    handler.setAttribute('onerror', 'window.__injectedHandler = true');
    document.body.append(handler);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const w = window as unknown as { __injected?: boolean; __injectedHandler?: boolean };
    return { inline: w.__injected === true, handler: w.__injectedHandler === true };
  });
  expect(ran).toEqual({ inline: false, handler: false });
  await expect.poll(() => violations).toContain('script-src-elem');
});

test('a remote script is refused by the CSP', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  const blocked = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.blockedURI), { once: true });
        const script = document.createElement('script');
        script.src = 'https://cdn.example.invalid/evil.js';
        document.body.append(script);
        setTimeout(() => resolve('not blocked'), 2000);
      }),
  );
  expect(blocked).toContain('cdn.example.invalid');
});

// The lint rule that keeps user-visible text in the catalogues must actually catch it.
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule from './no-hard-coded-ui-text.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

tester.run('no-hard-coded-ui-text', rule, {
  valid: [
    { code: 'const a = <p>{t("home.intro")}</p>;' },
    { code: 'const a = <button aria-label={t("common.close")}>×</button>;' },
    { code: 'const a = <span className="chip">{scope}</span>;' },
    { code: 'const a = <p> — </p>;' },
    { code: 'const a = <input type="password" autoComplete="off" />;' },
  ],
  invalid: [
    { code: 'const a = <p>Sign in to Slack</p>;', errors: [{ messageId: 'literal' }] },
    { code: 'const a = <h1>슬랙에 로그인</h1>;', errors: [{ messageId: 'literal' }] },
    { code: 'const a = <button aria-label="Close">×</button>;', errors: [{ messageId: 'literal' }] },
    { code: 'const a = <input placeholder={"Paste the address"} />;', errors: [{ messageId: 'literal' }] },
    { code: 'const a = <img alt="Slack logo" src="x.png" />;', errors: [{ messageId: 'literal' }] },
  ],
});

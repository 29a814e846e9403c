import { describe, expect, it } from 'vitest';
import { API_IDS, SETUP_STEPS } from '../../../electron/shared/ipc-contract';
import { SCOPE_CATALOGUE, API_CATALOGUE } from '../../../electron/shared/scope-catalogue';
import { USER_ERROR_CODES } from '../../../electron/shared/user-error';
import { compareCatalogues, flattenCatalogue, interpolationVariables, isParityClean, lookup, type Catalogue } from './catalogue-parity';
import en from './en.json';
import ko from './ko.json';

const catalogues: Record<'en' | 'ko', Catalogue> = { en, ko };

// Every source file of the renderer, as text, to find the keys it asks for.
const sources = import.meta.glob(['../**/*.tsx', '../**/*.ts', '!../**/*.test.*', '!../test-support/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('compareCatalogues', () => {
  it('finds nothing wrong in two matching catalogues', () => {
    const a = { greet: 'Hello {{name}}', nested: { bye: '<strong>Bye</strong>' } };
    const b = { greet: '안녕하세요 {{name}}님', nested: { bye: '<strong>안녕히</strong> 가십시오' } };
    expect(isParityClean(compareCatalogues(a, b))).toBe(true);
  });

  it('fails on a deliberately mismatched pair, naming each problem', () => {
    const a = { only: 'Only in A', greet: 'Hello {{name}}', blank: 'Text', tagged: 'Click <strong>Allow</strong>', group: { x: 'x' } };
    const b = { also: 'Only in B', greet: '안녕하세요 {{user}}', blank: '  ', tagged: '허용을 클릭하십시오', group: 'flat' };
    const report = compareCatalogues(a, b);
    expect(isParityClean(report)).toBe(false);
    expect(report.missingInB).toEqual(['only', 'group.x']);
    expect(report.missingInA).toEqual(['also']);
    expect(report.empty).toEqual(['b:blank']);
    expect(report.variableMismatches).toEqual([{ key: 'greet', a: ['name'], b: ['user'] }]);
    expect(report.markupMismatches).toEqual(['tagged']);
    expect(report.shapeMismatches).toEqual(['group']);
  });

  it('reads interpolation variables in all the forms i18next accepts', () => {
    expect(interpolationVariables('{{a}} {{ b }} {{- c}} {{d, number}} {{a}}')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('the English and Korean catalogues', () => {
  it('have the same keys, no empty text and the same variables and markup', () => {
    const report = compareCatalogues(en, ko);
    expect(report).toEqual({ missingInB: [], missingInA: [], empty: [], variableMismatches: [], markupMismatches: [], shapeMismatches: [] });
  });

  it.each(USER_ERROR_CODES)('explain the error %s in both languages (what happened, what to do)', (code) => {
    for (const language of ['en', 'ko'] as const) {
      const title = lookup(catalogues[language], `errors.${code}.title`);
      const body = lookup(catalogues[language], `errors.${code}.body`);
      expect(title?.trim(), `${language} errors.${code}.title`).toBeTruthy();
      expect(body?.trim(), `${language} errors.${code}.body`).toBeTruthy();
      // A body that only repeats the title tells the admin nothing about what to do next.
      expect(body).not.toBe(title);
    }
  });

  it('have no error texts for codes that do not exist', () => {
    const known = new Set<string>([...USER_ERROR_CODES, 'fallback']);
    const groups = Object.keys((en as { errors: Record<string, unknown> }).errors).filter((k) => typeof (en.errors as Record<string, unknown>)[k] === 'object');
    expect(groups.filter((g) => !known.has(g))).toEqual([]);
  });

  it('describe every scope and API of the scope catalogue in both languages', () => {
    for (const scope of SCOPE_CATALOGUE) {
      expect(scope.description.en.trim(), scope.scope).not.toBe('');
      expect(scope.description.ko.trim(), scope.scope).not.toBe('');
      expect(scope.description.ko).not.toBe(scope.description.en);
    }
    for (const api of API_CATALOGUE) {
      expect(api.purpose.ko).not.toBe(api.purpose.en);
      expect(api.whoCanSetUp.ko).not.toBe(api.whoCanSetUp.en);
    }
  });

  it('contain every key the renderer asks for', () => {
    const flat = flattenCatalogue(en);
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9.-]+)'/g)) if (m[1]) used.add(m[1]);
      for (const m of text.matchAll(/i18nKey="([a-zA-Z0-9.-]+)"/g)) if (m[1]) used.add(m[1]);
      for (const m of text.matchAll(/key: '([a-zA-Z0-9.-]+\.[a-zA-Z0-9.-]+)'/g)) if (m[1]) used.add(m[1]);
    }
    // Keys built at run time from a known set of values.
    for (const step of SETUP_STEPS) used.add(`setup.steps.${step}`);
    for (const status of ['done', 'current', 'todo', 'failed']) used.add(`setup.status.${status}`);
    for (const api of API_IDS) used.add(`setup.result.next.${api}`);
    for (const phase of ['opening', 'waiting-for-admin', 'exchanging', 'waiting-for-paste', 'finished']) used.add(`setup.signIn.phase.${phase}`);
    for (const status of ['active', 'revoked', 'revoke-failed', 'expired']) used.add(`token.status.${status}`);
    for (const action of ['test', 'revoke', 'forget', 'refresh']) used.add(`token.busy.${action}`);
    for (const check of ['ok', 'failed', 'skipped']) used.add(`test.check.${check}`);
    for (const kind of ['user', 'rotating-user', 'bot', 'rotating-bot', 'refresh']) used.add(`leaked.kind.${kind}`);
    for (const busy of ['check', 'dry-run', 'revoke']) used.add(`leaked.busy.${busy}`);
    for (const region of ['commercial', 'gov']) used.add(`settings.region.${region}`);
    for (const language of ['en', 'ko']) used.add(`language.${language}`);
    for (const problem of ['empty', 'bad-shape']) {
      used.add(`setup.credentials.clientIdProblem.${problem}`);
      used.add(`setup.credentials.clientSecretProblem.${problem}`);
    }
    expect(used.size).toBeGreaterThan(150);
    const missing = [...used].filter((key) => typeof flat.get(key) !== 'string');
    expect(missing).toEqual([]);
  });
});

// Finds what a Korean admin would see as a missing translation on the current screen: a raw
// catalogue key (i18next shows the key when it has no text), an "returned an object" notice, or
// English text where the Korean catalogue says something else (i18next falls back to English).
// In English, it finds Korean left behind. Text is taken from every rendered element (including
// text only screen readers get) and from aria-label, title, placeholder and alt, with every
// disclosure opened first so nothing folded away is missed.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN_RESOURCES, API_CATALOGUE, SCOPE_CATALOGUE, type LocalText } from '../../electron/shared/scope-catalogue';

type Catalogue = { [key: string]: string | Catalogue };

const I18N_DIR = resolve(import.meta.dirname, '..', '..', 'renderer', 'src', 'i18n');

function loadCatalogue(language: 'en' | 'ko'): Catalogue {
  return JSON.parse(readFileSync(join(I18N_DIR, `${language}.json`), 'utf8')) as Catalogue;
}

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, `${path}.`)) out.set(inner, text);
  }
  return out;
}

export const EN = flatten(loadCatalogue('en'));
export const KO = flatten(loadCatalogue('ko'));

/** A catalogue text by key, for selecting elements by what a Korean admin reads. */
export function ko(key: string, values: Record<string, string | number> = {}): string {
  const text = KO.get(key);
  if (text === undefined) throw new Error(`No Korean text for ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? `{{${name}}}`));
}

export function en(key: string): string {
  const text = EN.get(key);
  if (text === undefined) throw new Error(`No English text for ${key}`);
  return text;
}

/** Every key path, including the branches (`setup.steps` shown raw is a bug too). */
const KEY_PATHS: ReadonlySet<string> = new Set(
  [...EN.keys()].flatMap((key) => key.split('.').map((_part, index, parts) => parts.slice(0, index + 1).join('.'))).filter((key) => key.includes('.')),
);
export const HANGUL = /[\uac00-\ud7a3]/;
const KEY_LIKE = /\b[a-z][a-zA-Z]+(?:\.[a-zA-Z0-9-]+)+\b/g;

interface EnglishOnly {
  source: string;
  english: string;
  pattern: RegExp;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

function englishPattern(english: string): RegExp | null {
  const visible = normalise(english.replace(/<\/?[a-z]+>/g, ''));
  const literal = visible.replace(/\{\{\w+\}\}/g, '');
  // Too little English of its own to tell it from data ("{{step}} ({{status}})").
  if ((literal.match(/[A-Za-z]/g) ?? []).length < 3) return null;
  const parts = visible.split(/\{\{\w+\}\}/).map(escape);
  return new RegExp(`^${parts.join('.+?')}$`, 's');
}

/** English texts a Korean screen must not show: those whose Korean text differs. */
const ENGLISH_ONLY: readonly EnglishOnly[] = (() => {
  const pairs: { source: string; text: LocalText }[] = [];
  for (const [key, english] of EN) pairs.push({ source: key, text: { en: english, ko: KO.get(key) ?? english } });
  for (const api of API_CATALOGUE) {
    pairs.push({ source: `api ${api.id} title`, text: api.title }, { source: `api ${api.id} purpose`, text: api.purpose }, { source: `api ${api.id} who`, text: api.whoCanSetUp });
  }
  for (const scope of SCOPE_CATALOGUE) pairs.push({ source: `scope ${scope.scope}`, text: scope.description });
  for (const resource of ADMIN_RESOURCES) pairs.push({ source: `admin resource ${resource.id}`, text: resource.label });
  return pairs.flatMap(({ source, text }) => {
    if (text.en === text.ko) return [];
    const pattern = englishPattern(text.en);
    return pattern ? [{ source, english: text.en, pattern }] : [];
  });
})();

/**
 * English the Korean catalogue keeps on purpose, as `<strong>` names of Slack's own (English-only)
 * buttons and pages, such as "Client ID" in the credentials instructions.
 */
const KOREAN_KEEPS_IN_ENGLISH: ReadonlySet<string> = new Set(
  [...KO.values()].flatMap((text) => [...text.matchAll(/<strong>([^<]*)<\/strong>/g)].map((match) => normalise(match[1] ?? ''))).filter((term) => !HANGUL.test(term)),
);

export interface ScreenText {
  text: string;
  /** The element the text belongs to (its own tag for a block or an attribute, the parent's for a text node). */
  tag: string;
}

export interface ScreenTexts {
  /** Each rendered element's whole text (a translated sentence may span several elements). */
  blocks: ScreenText[];
  /** Each text node, and each aria-label, title, placeholder and alt. */
  leaves: ScreenText[];
}

/** The texts of the screen as the admin (or their screen reader) gets them. */
export async function screenTexts(page: Page): Promise<ScreenTexts> {
  return page.evaluate(() => {
    for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
    const blocks: { text: string; tag: string }[] = [];
    const leaves: { text: string; tag: string }[] = [{ text: document.title, tag: 'TITLE' }];
    const add = (list: { text: string; tag: string }[], value: string | null | undefined, tag: string): void => {
      const text = (value ?? '').replace(/\s+/g, ' ').trim();
      if (text) list.push({ text, tag });
    };
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (!element.checkVisibility() || element.closest('[hidden]')) continue;
      add(blocks, element.innerText, element.tagName);
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) add(leaves, element.getAttribute(name), element.tagName);
      for (const node of Array.from(element.childNodes)) if (node.nodeType === Node.TEXT_NODE) add(leaves, node.textContent, element.tagName);
    }
    return { blocks, leaves };
  });
}

export interface TranslationProblem {
  kind: 'raw-key' | 'object-notice' | 'english-left' | 'korean-left';
  text: string;
  detail: string;
}

/** Problems on the current screen, for the language it should be in. */
export async function translationProblems(page: Page, language: 'en' | 'ko'): Promise<TranslationProblem[]> {
  const { blocks, leaves } = await screenTexts(page);
  const problems: TranslationProblem[] = [];
  const report = (problem: TranslationProblem): void => {
    if (!problems.some((known) => known.kind === problem.kind && known.text === problem.text && known.detail === problem.detail)) problems.push(problem);
  };
  for (const { text } of leaves) {
    for (const match of text.matchAll(KEY_LIKE)) {
      if (KEY_PATHS.has(match[0])) report({ kind: 'raw-key', text, detail: match[0] });
    }
    if (/returned an object instead of string/.test(text)) report({ kind: 'object-notice', text, detail: '' });
    // The language switcher names Korean in Korean on purpose.
    if (language === 'en' && HANGUL.test(text) && text !== en('language.ko')) report({ kind: 'korean-left', text, detail: '' });
  }
  if (language === 'ko') {
    for (const { text, tag } of [...blocks, ...leaves]) {
      if (tag === 'STRONG' && KOREAN_KEEPS_IN_ENGLISH.has(text)) continue;
      for (const entry of ENGLISH_ONLY) if (entry.pattern.test(text)) report({ kind: 'english-left', text, detail: entry.source });
    }
  }
  return problems;
}

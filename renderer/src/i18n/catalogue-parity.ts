// Compares two translation catalogues, so a string added in English and forgotten in Korean (or
// a `{{variable}}` renamed in one of them) fails a test instead of reaching an admin.

export type Catalogue = { readonly [key: string]: string | Catalogue };

export interface VariableMismatch {
  key: string;
  a: string[];
  b: string[];
}

export interface ParityReport {
  /** Keys in `a` that `b` lacks. */
  missingInB: string[];
  /** Keys in `b` that `a` lacks. */
  missingInA: string[];
  /** Keys whose text is empty (or only spaces) in either catalogue, prefixed `a:` / `b:`. */
  empty: string[];
  /** Keys whose interpolation variables differ between the two. */
  variableMismatches: VariableMismatch[];
  /** Keys whose `<strong>`-style markup (used by `<Trans>`) differs between the two. */
  markupMismatches: string[];
  /** Keys that are a string in one catalogue and a group in the other. */
  shapeMismatches: string[];
}

export function flattenCatalogue(catalogue: Catalogue, prefix = ''): Map<string, string | Catalogue> {
  const out = new Map<string, string | Catalogue>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flattenCatalogue(value, path)) out.set(k, v);
  }
  return out;
}

function leaves(catalogue: Catalogue): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of flattenCatalogue(catalogue)) if (typeof v === 'string') out.set(k, v);
  return out;
}

/** `{{name}}`, `{{- name}}` and `{{name, format}}` all name the variable `name`. */
export function interpolationVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\{\{\s*-?\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)) {
    if (match[1]) names.add(match[1]);
  }
  return [...names].sort();
}

/** The markup tags in a text, sorted, with repeats (a dropped closing tag breaks `<Trans>`). */
export function markupTags(text: string): string[] {
  return [...text.matchAll(/<(\/?)(\w+)\s*(\/?)>/g)].map((m) => `${m[1]}${m[2]}${m[3]}`).sort();
}

function groups(catalogue: Catalogue, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value !== 'string') {
      out.add(path);
      for (const g of groups(value, path)) out.add(g);
    }
  }
  return out;
}

export function compareCatalogues(a: Catalogue, b: Catalogue): ParityReport {
  const la = leaves(a);
  const lb = leaves(b);
  const ga = groups(a);
  const gb = groups(b);
  const report: ParityReport = { missingInB: [], missingInA: [], empty: [], variableMismatches: [], markupMismatches: [], shapeMismatches: [] };

  for (const [key, text] of la) {
    if (!text.trim()) report.empty.push(`a:${key}`);
    const other = lb.get(key);
    if (other === undefined) {
      if (gb.has(key)) report.shapeMismatches.push(key);
      else report.missingInB.push(key);
      continue;
    }
    const va = interpolationVariables(text);
    const vb = interpolationVariables(other);
    if (va.join(',') !== vb.join(',')) report.variableMismatches.push({ key, a: va, b: vb });
    if (markupTags(text).join(',') !== markupTags(other).join(',')) report.markupMismatches.push(key);
  }
  for (const [key, text] of lb) {
    if (!text.trim()) report.empty.push(`b:${key}`);
    if (!la.has(key)) {
      if (ga.has(key)) report.shapeMismatches.push(key);
      else report.missingInA.push(key);
    }
  }
  return report;
}

export function isParityClean(report: ParityReport): boolean {
  return (
    report.missingInA.length === 0 &&
    report.missingInB.length === 0 &&
    report.empty.length === 0 &&
    report.variableMismatches.length === 0 &&
    report.markupMismatches.length === 0 &&
    report.shapeMismatches.length === 0
  );
}

/** Looks a dotted key up in a catalogue; undefined when it is missing or a group. */
export function lookup(catalogue: Catalogue, key: string): string | undefined {
  const value = flattenCatalogue(catalogue).get(key);
  return typeof value === 'string' ? value : undefined;
}

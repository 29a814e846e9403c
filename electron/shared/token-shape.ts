// What a pasted Slack credential looks like, decided from its text alone. Environment-free so the
// renderer can pre-check a paste before it crosses IPC; the main process checks again.

export type SlackTokenKind = 'user' | 'rotating-user' | 'bot' | 'rotating-bot' | 'refresh';

export type PastedTokenCheck =
  | { ok: true; token: string; kind: SlackTokenKind }
  | { ok: false; code: 'invalid-token-format' | 'browser-session-token' };

// Longest first: `xoxe.xoxp-` must win over nothing shorter, and `xoxe-` must not catch `xoxe.`.
const KINDS: ReadonlyArray<readonly [prefix: string, kind: SlackTokenKind]> = [
  ['xoxe.xoxp-', 'rotating-user'],
  ['xoxe.xoxb-', 'rotating-bot'],
  ['xoxp-', 'user'],
  ['xoxb-', 'bot'],
  ['xoxe-', 'refresh'],
];

// Browser session credentials (the `d` cookie and the web client's token). They are not OAuth
// tokens, auth.revoke cannot end them, and whoever holds them is signed in as that person.
const BROWSER_SESSION_PREFIXES = ['xoxc-', 'xoxd-'];

const MIN_LENGTH = 20;
const MAX_LENGTH = 400;
const TOKEN_CHARSET = /^[A-Za-z0-9.-]+$/;

// Quotes and backticks people carry over from code, JSON or chat.
const WRAPPING = /^[\s"'`\u2018\u2019\u201c\u201d]+|[\s"'`\u2018\u2019\u201c\u201d]+$/g;

export function classifyPastedToken(text: string): PastedTokenCheck {
  const token = text.replace(WRAPPING, '');
  const lower = token.toLowerCase();
  // Before the charset check: an xoxd- cookie is usually URL-encoded (`%2F`), and it must be
  // named for what it is rather than called a typo.
  if (BROWSER_SESSION_PREFIXES.some((prefix) => lower.startsWith(prefix))) return { ok: false, code: 'browser-session-token' };
  if (token.length < MIN_LENGTH || token.length > MAX_LENGTH || !TOKEN_CHARSET.test(token)) return { ok: false, code: 'invalid-token-format' };
  const match = KINDS.find(([prefix]) => token.startsWith(prefix));
  if (!match) return { ok: false, code: 'invalid-token-format' };
  return { ok: true, token, kind: match[1] };
}

/** `xoxp-…9f3a`: the prefix and the last four characters, never more. */
export function maskToken(token: string): string {
  const prefix = KINDS.find(([known]) => token.startsWith(known))?.[0] ?? '';
  // A short value would be largely given away by its last four characters.
  const tail = token.length - prefix.length >= 12 ? token.slice(-4) : '';
  return `${prefix}…${tail}`;
}

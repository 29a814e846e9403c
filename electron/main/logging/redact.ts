// Scrubs secrets out of any text before it is written anywhere. It runs on every log line, so a
// careless `logger.error(String(error))` still cannot put a token, OAuth code or client secret
// on disk. Patterns err on the side of removing too much.

const REDACTED = '[redacted]';

/** Slack token families: `xoxp-…`, `xoxb-…`, `xoxc-…`, `xoxe.xoxp-…`, refresh `xoxe-1-…`, `xapp-…`, `xwfp-…`. */
const SLACK_TOKEN = /\b(xox[a-z]|xoxe\.xox[a-z]|xoxe|xapp|xwfp)-[A-Za-z0-9-]+/gi;

/** `code=…`, `client_secret=…` and friends in query strings and form bodies. */
const SECRET_PARAM =
  /\b(code|client_secret|refresh_token|access_token|token|code_verifier|state|password|signing_secret|verification_token)=([^&\s#"'<>]+)/gi;

/** The same keys as JSON properties, in snake or camel case. */
const SECRET_JSON_PROPERTY =
  /("(?:code|client_secret|clientSecret|refresh_token|refreshToken|access_token|accessToken|token|code_verifier|codeVerifier|signing_secret|signingSecret|verification_token|password|authorization)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

/** `Authorization: Bearer …` / `Basic …` headers, in text or JSON form. */
const AUTHORIZATION_HEADER = /\b(authorization["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token)\s+)?[^\s"',}]+/gi;
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;

/** Client secrets and signing secrets are 32 hex characters. */
const HEX_SECRET = /\b[0-9a-f]{32}\b/gi;

/** `https://user:password@host`. */
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi;

export function redactSecrets(text: string): string {
  return text
    .replace(SLACK_TOKEN, (_match, prefix: string) => `${prefix}-${REDACTED}`)
    .replace(SECRET_JSON_PROPERTY, `$1"${REDACTED}"`)
    .replace(AUTHORIZATION_HEADER, `$1${REDACTED}`)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(SECRET_PARAM, `$1=${REDACTED}`)
    .replace(URL_CREDENTIALS, `$1${REDACTED}@`)
    .replace(HEX_SECRET, REDACTED);
}

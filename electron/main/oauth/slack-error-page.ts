// Slack answers some sign-in problems with its own error page instead of a redirect; the sign-in
// window reads the page text to recognise them.

export type SlackErrorPageReason = 'redirect-uri-mismatch';

export function detectSlackErrorPage(pageText: string): SlackErrorPageReason | null {
  const text = pageText.toLowerCase().replace(/\s+/g, ' ');
  if (text.includes('redirect_uri did not match any configured uris')) return 'redirect-uri-mismatch';
  return null;
}

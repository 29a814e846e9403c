// Looking at what the app left on disk: every file under the data folder searched for secrets
// (as typed, and base64-encoded in case something "hid" them that way), and the vault's stored
// token read back through the cipher, as the app itself would.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretCipher } from '../../seams';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Each `{file, secret}` where a secret appears in plain (or plainly base64-encoded) form. */
export function plaintextHits(dir: string, secrets: Record<string, string>): { file: string; secret: string }[] {
  const hits: { file: string; secret: string }[] = [];
  for (const file of filesUnder(dir)) {
    const content = readFileSync(file).toString('latin1');
    for (const [name, secret] of Object.entries(secrets)) {
      const forms = [secret, Buffer.from(secret, 'utf8').toString('base64'), encodeURIComponent(secret)];
      if (forms.some((form) => content.includes(form))) hits.push({ file, secret: name });
    }
  }
  return hits;
}

/** The saved token (and refresh token) of one vault entry, decrypted from its file. */
export function storedSecrets(dataDir: string, cipher: SecretCipher, tokenId: string): { token: string; refreshToken: string | null } | null {
  const file = JSON.parse(readFileSync(join(dataDir, 'vault', 'entries', `${tokenId}.json`), 'utf8')) as {
    secret: { token: string; refreshToken: string | null } | null;
  };
  if (!file.secret) return null;
  const open = (stored: string): string => cipher.decryptString(Buffer.from(stored, 'base64'));
  return { token: open(file.secret.token), refreshToken: file.secret.refreshToken === null ? null : open(file.secret.refreshToken) };
}

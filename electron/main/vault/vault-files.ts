// The shapes of the vault's files on disk, checked when read: a file that parses as JSON but is
// not one of ours is treated like a corrupted one (set aside, others kept).
//
// Layout under `<dataDir>/vault/`:
//   entries/<tokenId>.json            one saved token: metadata + base64 ciphertext (or none)
//   client-secrets/<sha256>.json      one remembered client secret: clientId + base64 ciphertext
//   preferences.json                  non-secret choices (accept weaker storage)
// One file per entry, so a damaged file costs that entry only, and two writes never touch the
// same file unless they are about the same token (those are serialized).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { API_IDS, SETUP_STEPS, type ApiId, type TokenIdentity, type TokenSummary } from '../../shared/ipc-contract';
import { isUserErrorCode, type UserError } from '../../shared/user-error';

export const ENTRY_FILE_NAME = /^[A-Za-z0-9_-]{8,64}\.json$/;
export const CLIENT_SECRET_FILE_NAME = /^[a-f0-9]{32}\.json$/;

export type StoredStatus = 'active' | 'revoked' | 'revoke-failed';

export interface EntryMeta {
  maskedToken: string;
  identity: TokenIdentity;
  scopes: string[];
  requestedScopes: string[];
  apis: ApiId[];
  appId: string | null;
  clientId: string | null;
  createdAt: string;
  lastTest: TokenSummary['lastTest'];
  rotating: boolean;
  expiresAt: string | null;
  status: StoredStatus;
  revokedAt: string | null;
  revokeError: UserError | null;
  /** The last background or on-demand refresh failure of a rotating token. */
  refreshError: UserError | null;
  inMemoryOnly: boolean;
}

export interface EntryFile {
  version: 1;
  id: string;
  meta: EntryMeta;
  /** Base64 of the cipher's output. Null when the secret is kept in memory only, or revoked. */
  secret: { token: string; refreshToken: string | null } | null;
}

export interface ClientSecretFile {
  version: 1;
  clientId: string;
  secret: string;
}

export interface PreferencesFile {
  version: 1;
  acceptWeakStorage: boolean;
}

// Codes from a newer or older build that this one does not know become `internal`, rather
// than making the whole entry unreadable.
const userError = z
  .object({
    code: z.string(),
    slackError: z.string().max(200).optional(),
    retryAfterSeconds: z.number().optional(),
    backTo: z.enum(SETUP_STEPS).optional(),
    httpStatus: z.number().int().optional(),
  })
  .transform((value): UserError => {
    const error: UserError = { code: isUserErrorCode(value.code) ? value.code : 'internal' };
    if (value.slackError !== undefined) error.slackError = value.slackError;
    if (value.retryAfterSeconds !== undefined) error.retryAfterSeconds = value.retryAfterSeconds;
    if (value.backTo !== undefined) error.backTo = value.backTo;
    if (value.httpStatus !== undefined) error.httpStatus = value.httpStatus;
    return error;
  });

const identity = z.object({
  orgName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  teamId: z.string().nullable(),
  userName: z.string().nullable(),
  userId: z.string(),
  url: z.string().nullable(),
  isEnterpriseInstall: z.boolean(),
});

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const entryFileSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  meta: z.object({
    maskedToken: z.string().max(40),
    identity,
    scopes: z.array(z.string()),
    requestedScopes: z.array(z.string()),
    apis: z.array(z.enum(API_IDS)),
    appId: z.string().nullable(),
    clientId: z.string().nullable(),
    createdAt: z.string(),
    lastTest: z
      .object({ at: z.string(), ok: z.boolean(), errorCode: z.string().optional() })
      .transform((value): NonNullable<TokenSummary['lastTest']> => {
        const test: NonNullable<TokenSummary['lastTest']> = { at: value.at, ok: value.ok };
        if (value.errorCode !== undefined) test.errorCode = isUserErrorCode(value.errorCode) ? value.errorCode : 'internal';
        return test;
      })
      .nullable(),
    rotating: z.boolean(),
    expiresAt: z.string().nullable(),
    status: z.enum(['active', 'revoked', 'revoke-failed']),
    revokedAt: z.string().nullable(),
    revokeError: userError.nullable(),
    refreshError: userError.nullable().default(null),
    inMemoryOnly: z.boolean(),
  }),
  secret: z.object({ token: base64, refreshToken: base64.nullable() }).nullable(),
});

const clientSecretFileSchema = z.object({ version: z.literal(1), clientId: z.string().min(1).max(64), secret: base64 });
const preferencesFileSchema = z.object({ version: z.literal(1), acceptWeakStorage: z.boolean() });

export function parseEntryFile(value: unknown): EntryFile | null {
  const parsed = entryFileSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parseClientSecretFile(value: unknown): ClientSecretFile | null {
  const parsed = clientSecretFileSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parsePreferencesFile(value: unknown): PreferencesFile | null {
  const parsed = preferencesFileSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Client ids become file names through a digest: no path tricks, whatever the id holds. */
export function clientSecretFileName(clientId: string): string {
  return `${createHash('sha256').update(clientId, 'utf8').digest('hex').slice(0, 32)}.json`;
}

// The saved tokens. Secrets (tokens, refresh tokens, remembered client secrets) go to disk only
// as the SecretCipher's output (safeStorage: the OS keychain, DPAPI or libsecret); when this
// computer offers no real protection they stay in this process's memory instead, unless the
// admin explicitly accepted weaker storage. Metadata is plain JSON beside them.
//
// Decisions worth knowing:
// - One file per token (see vault-files.ts). A damaged file is renamed aside and reported through
//   `status().recoveredCorruptFile`; every other entry is still read.
// - Writes go through one queue, each writing the entry's state as it is when the write runs, so
//   concurrent changes are never lost and the file always ends with the latest state.
// - Encryption entirely unavailable: accepting weaker storage changes nothing (there is no cipher
//   to write with), so the mode stays `memory-only`; the handler tells the admin so.
// - A token whose write fails at save time is kept in memory (marked `inMemoryOnly`) rather
//   than dropped: it already exists at Slack, and the admin must still be able to revoke it.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Result, TokenSummary, TokenTestReport, VaultStatus } from '../../shared/ipc-contract';
import { maskToken } from '../../shared/token-shape';
import type { UserError, UserErrorCode } from '../../shared/user-error';
import type { Clock, NewTokenEntry, SecretCipher, TokenVault } from '../seams';
import {
  ensureFolderSync,
  listJsonFilesSync,
  readJsonFileSync,
  removeFile,
  removeStaleTempFilesSync,
  setAsideCorruptFile,
  writeJsonFileAtomic,
} from './atomic-json-file';
import {
  CLIENT_SECRET_FILE_NAME,
  ENTRY_FILE_NAME,
  clientSecretFileName,
  parseClientSecretFile,
  parseEntryFile,
  parsePreferencesFile,
  type ClientSecretFile,
  type EntryFile,
  type EntryMeta,
  type PreferencesFile,
} from './vault-files';

export interface VaultLogger {
  /** Receives fixed messages with ids and file names only; never a secret. */
  warn(message: string): void;
}

/** Whether the secret behind a saved entry can be used right now. */
export type SecretState = 'available' | 'unreadable' | 'lost' | 'none';

/** TokenSummary plus what the main process needs; none of it is secret. */
export interface VaultTokenSummary extends TokenSummary {
  clientId: string | null;
  refreshError: UserError | null;
  /** `unreadable`: ciphertext that cannot be decrypted; `lost`: memory-only and the app restarted; `none`: revoked. */
  secretState: SecretState;
}

export interface RotatedToken {
  token: string;
  /** Null keeps the stored refresh token (Slack normally sends a new one every time). */
  refreshToken: string | null;
  /** Milliseconds since the epoch, or null when Slack gave no lifetime. */
  expiresAt: number | null;
  scopes?: string[];
}

/** Thrown by vault methods that must not fail silently; carries a code, never text or secrets. */
export class VaultError extends Error {
  constructor(readonly code: UserErrorCode) {
    super(`Token vault: ${code}`);
    this.name = 'VaultError';
  }
}

export interface ManagedTokenVault extends TokenVault {
  save(entry: NewTokenEntry): Promise<VaultTokenSummary>;
  list(): VaultTokenSummary[];
  get(id: string): VaultTokenSummary | null;
  recordTest(id: string, report: TokenTestReport): Promise<VaultTokenSummary | null>;
  /** Like readToken, with the reason when the secret cannot be had. */
  openToken(id: string): Result<string>;
  readRefreshToken(id: string): string | null;
  openRefreshToken(id: string): Result<string>;
  /** Slack no longer accepts the token: drop every secret of it, keep the record. */
  markRevoked(id: string, at: number): Promise<VaultTokenSummary | null>;
  markRevokeFailed(id: string, error: UserError): Promise<VaultTokenSummary | null>;
  recordRefreshError(id: string, error: UserError | null): Promise<VaultTokenSummary | null>;
  /** Resolves only once the new refresh token is durably on disk (Slack has invalidated the old one). */
  replaceRotatedToken(id: string, next: RotatedToken): Promise<VaultTokenSummary>;
  /** Removes the entry and its secrets from this computer; the token itself is untouched at Slack. */
  forget(id: string): Promise<boolean>;
  acceptWeakStorage(accept: boolean): Promise<VaultStatus>;
  /** Resolves when every write queued so far has finished. */
  flush(): Promise<void>;
}

interface Secrets {
  token: string;
  refreshToken: string | null;
}

interface EntryState {
  id: string;
  meta: EntryMeta;
  /** Base64 ciphertext, as on disk. */
  stored: Secrets | null;
  /** Plaintext kept in memory only; never written. */
  memory: Secrets | null;
  unreadable: boolean;
}

interface ClientSecretState {
  stored: string | null;
  memory: string | null;
}

const NO_LOGGER: VaultLogger = { warn: () => {} };

export function createTokenVault(deps: { dataDir: string; cipher: SecretCipher; clock: Clock; logger?: VaultLogger }): ManagedTokenVault {
  const { cipher, clock } = deps;
  const logger = deps.logger ?? NO_LOGGER;
  const root = join(deps.dataDir, 'vault');
  const entriesDir = join(root, 'entries');
  const clientSecretsDir = join(root, 'client-secrets');
  const preferencesPath = join(root, 'preferences.json');

  const entries = new Map<string, EntryState>();
  const clientSecrets = new Map<string, ClientSecretState>();
  let preferences: PreferencesFile = { version: 1, acceptWeakStorage: false };
  let recoveredCorruptFile = false;

  // ---------------------------------------------------------------------------------------------
  // Encryption

  function encryption(): VaultStatus['encryption'] {
    try {
      if (!cipher.isEncryptionAvailable()) return 'unavailable';
      return cipher.storageBackend() === 'basic_text' ? 'basic-text' : 'available';
    } catch {
      return 'unavailable';
    }
  }

  function mode(): VaultStatus['mode'] {
    const offered = encryption();
    if (offered === 'available') return 'encrypted';
    if (offered === 'basic-text' && preferences.acceptWeakStorage) return 'weak-accepted';
    return 'memory-only';
  }

  const mayWriteSecrets = (): boolean => mode() !== 'memory-only';
  const encrypt = (plain: string): string => cipher.encryptString(plain).toString('base64');
  const decrypt = (stored: string): string => cipher.decryptString(Buffer.from(stored, 'base64'));

  /** Puts secrets where the current mode says; falls back to memory if the cipher fails. */
  function placeSecrets(entry: EntryState, secrets: Secrets): void {
    entry.unreadable = false;
    if (mayWriteSecrets()) {
      try {
        entry.stored = { token: encrypt(secrets.token), refreshToken: secrets.refreshToken === null ? null : encrypt(secrets.refreshToken) };
        entry.memory = null;
        entry.meta.inMemoryOnly = false;
        return;
      } catch {
        logger.warn(`vault: encryption failed for entry ${entry.id}; keeping its secret in memory only`);
      }
    }
    entry.stored = null;
    entry.memory = { ...secrets };
    entry.meta.inMemoryOnly = true;
  }

  function readSecrets(entry: EntryState): Result<Secrets> {
    if (entry.meta.status === 'revoked') return fail('token-revoked');
    if (entry.memory) return { ok: true, value: { ...entry.memory } };
    if (!entry.stored) return fail('token-lost-memory-only');
    if (encryption() === 'unavailable') return fail('encryption-unavailable');
    try {
      const token = decrypt(entry.stored.token);
      const refreshToken = entry.stored.refreshToken === null ? null : decrypt(entry.stored.refreshToken);
      entry.unreadable = false;
      return { ok: true, value: { token, refreshToken } };
    } catch {
      entry.unreadable = true;
      logger.warn(`vault: entry ${entry.id} could not be decrypted`);
      return fail('token-unreadable');
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  let queueTail: Promise<void> = Promise.resolve();
  function enqueue(task: () => Promise<void>): Promise<void> {
    const run = queueTail.then(task);
    queueTail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  const entryPath = (id: string): string => join(entriesDir, `${id}.json`);

  function serializeEntry(entry: EntryState): EntryFile {
    return {
      version: 1,
      id: entry.id,
      meta: structuredClone(entry.meta),
      secret: entry.meta.inMemoryOnly || !entry.stored ? null : { ...entry.stored },
    };
  }

  /** Writes the entry as it is when the write runs (or removes its file once it is gone). */
  function persistEntry(id: string): Promise<void> {
    return enqueue(async () => {
      const entry = entries.get(id);
      if (entry) await writeJsonFileAtomic(entryPath(id), serializeEntry(entry));
      else await removeFile(entryPath(id));
    });
  }

  /** For metadata changes: a failed write is logged, and the next write of the entry repairs it. */
  async function persistEntryQuietly(id: string): Promise<void> {
    try {
      await persistEntry(id);
    } catch {
      logger.warn(`vault: could not write entry ${id}`);
    }
  }

  function persistClientSecret(clientId: string): Promise<void> {
    const path = join(clientSecretsDir, clientSecretFileName(clientId));
    return enqueue(async () => {
      const state = clientSecrets.get(clientId);
      if (state?.stored) {
        const file: ClientSecretFile = { version: 1, clientId, secret: state.stored };
        await writeJsonFileAtomic(path, file);
      } else {
        await removeFile(path);
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Reading at start-up

  function setAside(path: string, what: string): void {
    recoveredCorruptFile = true;
    const movedTo = setAsideCorruptFile(path, clock.now());
    logger.warn(movedTo ? `vault: unreadable ${what} set aside as ${movedTo}` : `vault: unreadable ${what} could not be moved aside`);
  }

  function load(): void {
    try {
      ensureFolderSync(entriesDir);
      ensureFolderSync(clientSecretsDir);
      removeStaleTempFilesSync(entriesDir);
      removeStaleTempFilesSync(clientSecretsDir);
      removeStaleTempFilesSync(root);
    } catch {
      logger.warn('vault: the vault folder could not be prepared');
    }

    const prefs = readJsonFileSync(preferencesPath);
    if (prefs.kind === 'ok') {
      const parsed = parsePreferencesFile(prefs.value);
      if (parsed) preferences = parsed;
      else setAside(preferencesPath, 'preferences file');
    } else if (prefs.kind === 'corrupt') {
      setAside(preferencesPath, 'preferences file');
    }

    for (const name of listJsonFilesSync(entriesDir, ENTRY_FILE_NAME)) {
      const path = join(entriesDir, name);
      const read = readJsonFileSync(path);
      if (read.kind === 'missing') continue;
      const file = read.kind === 'ok' ? parseEntryFile(read.value) : null;
      if (!file || `${file.id}.json` !== name) {
        setAside(path, `entry file ${name}`);
        continue;
      }
      const entry: EntryState = { id: file.id, meta: file.meta, stored: file.secret, memory: null, unreadable: false };
      if (entry.stored && encryption() !== 'unavailable') {
        // Tried once now so the list can say which entries are damaged before anyone clicks.
        try {
          decrypt(entry.stored.token);
        } catch {
          entry.unreadable = true;
          logger.warn(`vault: entry ${entry.id} could not be decrypted`);
        }
      }
      entries.set(entry.id, entry);
    }

    for (const name of listJsonFilesSync(clientSecretsDir, CLIENT_SECRET_FILE_NAME)) {
      const path = join(clientSecretsDir, name);
      const read = readJsonFileSync(path);
      if (read.kind === 'missing') continue;
      const file = read.kind === 'ok' ? parseClientSecretFile(read.value) : null;
      if (!file || clientSecretFileName(file.clientId) !== name) {
        setAside(path, `client secret file ${name}`);
        continue;
      }
      clientSecrets.set(file.clientId, { stored: file.secret, memory: null });
    }
  }

  load();

  // ---------------------------------------------------------------------------------------------
  // Views

  function summarize(entry: EntryState): VaultTokenSummary {
    const { meta } = entry;
    const expired = meta.status === 'active' && meta.expiresAt !== null && Date.parse(meta.expiresAt) <= clock.now();
    let secretState: SecretState;
    if (meta.status === 'revoked') secretState = 'none';
    else if (entry.memory) secretState = 'available';
    else if (entry.stored) secretState = entry.unreadable || encryption() === 'unavailable' ? 'unreadable' : 'available';
    else secretState = 'lost';
    return structuredClone({
      id: entry.id,
      maskedToken: meta.maskedToken,
      identity: meta.identity,
      scopes: meta.scopes,
      requestedScopes: meta.requestedScopes,
      apis: meta.apis,
      appId: meta.appId,
      createdAt: meta.createdAt,
      lastTest: meta.lastTest,
      rotating: meta.rotating,
      expiresAt: meta.expiresAt,
      status: expired ? 'expired' : meta.status,
      revokedAt: meta.revokedAt,
      revokeError: meta.revokeError,
      inMemoryOnly: meta.inMemoryOnly,
      clientId: meta.clientId,
      refreshError: meta.refreshError,
      secretState,
    });
  }

  const iso = (ms: number): string => new Date(ms).toISOString();

  function findSameToken(token: string): EntryState | null {
    for (const entry of entries.values()) {
      if (entry.meta.status === 'revoked') continue;
      const secrets = entry.memory ? { ok: true as const, value: entry.memory } : entry.stored && !entry.unreadable ? readSecrets(entry) : null;
      if (secrets?.ok && secrets.value.token === token) return entry;
    }
    return null;
  }

  async function update(id: string, change: (entry: EntryState) => void): Promise<VaultTokenSummary | null> {
    const entry = entries.get(id);
    if (!entry) return null;
    change(entry);
    await persistEntryQuietly(id);
    return summarize(entry);
  }

  // ---------------------------------------------------------------------------------------------

  const vault: ManagedTokenVault = {
    status: () => ({ encryption: encryption(), mode: mode(), recoveredCorruptFile }),

    async save(input) {
      const now = clock.now();
      const rotating = input.refreshToken !== null || input.token.startsWith('xoxe.');
      const facts: Omit<EntryMeta, 'createdAt' | 'lastTest' | 'inMemoryOnly'> = {
        maskedToken: maskToken(input.token),
        identity: structuredClone(input.identity),
        scopes: [...input.scopes],
        requestedScopes: [...input.requestedScopes],
        apis: [...input.apis],
        appId: input.appId,
        clientId: input.clientId,
        rotating,
        expiresAt: input.expiresInSeconds === null ? null : iso(now + input.expiresInSeconds * 1000),
        status: 'active',
        revokedAt: null,
        revokeError: null,
        refreshError: null,
      };
      // Installing the same app again returns the same (non-rotating) token with the scopes
      // added up: that is one token, so it stays one entry.
      const existing = findSameToken(input.token);
      const entry: EntryState = existing ?? {
        id: randomBytes(16).toString('base64url'),
        meta: { ...facts, createdAt: iso(now), lastTest: null, inMemoryOnly: false },
        stored: null,
        memory: null,
        unreadable: false,
      };
      if (existing) Object.assign(existing.meta, facts);
      placeSecrets(entry, { token: input.token, refreshToken: input.refreshToken });
      entries.set(entry.id, entry);
      try {
        await persistEntry(entry.id);
      } catch {
        logger.warn(`vault: could not write entry ${entry.id}; keeping its secret in memory only`);
        entry.stored = null;
        entry.memory = { token: input.token, refreshToken: input.refreshToken };
        entry.meta.inMemoryOnly = true;
        await persistEntryQuietly(entry.id);
      }
      return summarize(entry);
    },

    list: () =>
      [...entries.values()]
        .map(summarize)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)),

    get(id) {
      const entry = entries.get(id);
      return entry ? summarize(entry) : null;
    },

    openToken(id) {
      const entry = entries.get(id);
      if (!entry) return fail('token-not-found');
      const secrets = readSecrets(entry);
      return secrets.ok ? { ok: true, value: secrets.value.token } : secrets;
    },

    readToken(id) {
      const opened = vault.openToken(id);
      return opened.ok ? opened.value : null;
    },

    openRefreshToken(id) {
      const entry = entries.get(id);
      if (!entry) return fail('token-not-found');
      if (!entry.meta.rotating) return fail('token-not-rotating');
      const secrets = readSecrets(entry);
      if (!secrets.ok) return secrets;
      return secrets.value.refreshToken === null ? fail('invalid-refresh-token') : { ok: true, value: secrets.value.refreshToken };
    },

    readRefreshToken(id) {
      const opened = vault.openRefreshToken(id);
      return opened.ok ? opened.value : null;
    },

    recordTest(id, report) {
      return update(id, (entry) => {
        const failed = report.apiChecks.find((check) => check.status === 'failed');
        const errorCode = report.error?.code ?? failed?.error?.code;
        entry.meta.lastTest = { at: report.testedAt, ok: !report.error && !failed, ...(errorCode ? { errorCode } : {}) };
        if (report.identity) entry.meta.identity = structuredClone(report.identity);
        if (!report.error && report.grantedScopes.length > 0) entry.meta.scopes = [...report.grantedScopes];
      });
    },

    markRevoked(id, at) {
      return update(id, (entry) => {
        entry.stored = null;
        entry.memory = null;
        entry.unreadable = false;
        entry.meta.status = 'revoked';
        entry.meta.revokedAt = iso(at);
        entry.meta.revokeError = null;
        entry.meta.refreshError = null;
      });
    },

    markRevokeFailed(id, error) {
      return update(id, (entry) => {
        if (entry.meta.status === 'revoked') return;
        entry.meta.status = 'revoke-failed';
        entry.meta.revokeError = { ...error };
      });
    },

    recordRefreshError(id, error) {
      return update(id, (entry) => {
        entry.meta.refreshError = error ? { ...error } : null;
      });
    },

    async replaceRotatedToken(id, next) {
      const entry = entries.get(id);
      if (!entry) throw new VaultError('token-not-found');
      // A refresh that finishes after a revoke must not bring the secrets back.
      if (entry.meta.status === 'revoked') throw new VaultError('token-revoked');
      let refreshToken = next.refreshToken;
      if (refreshToken === null) {
        const current = readSecrets(entry);
        refreshToken = current.ok ? current.value.refreshToken : null;
      }
      placeSecrets(entry, { token: next.token, refreshToken });
      entry.meta.maskedToken = maskToken(next.token);
      entry.meta.rotating = true;
      entry.meta.expiresAt = next.expiresAt === null ? null : iso(next.expiresAt);
      entry.meta.refreshError = null;
      if (next.scopes && next.scopes.length > 0) entry.meta.scopes = [...next.scopes];
      try {
        await persistEntry(id);
      } catch {
        // The new secrets stay in memory (the old refresh token is dead at Slack); the next
        // write of this entry puts them on disk.
        logger.warn(`vault: could not write the refreshed entry ${id}`);
        throw new VaultError('store-failed');
      }
      return summarize(entry);
    },

    async forget(id) {
      const existed = entries.delete(id);
      await persistEntry(id).catch(() => logger.warn(`vault: could not remove entry ${id}`));
      return existed;
    },

    async rememberClientSecret(clientId, secret) {
      const state: ClientSecretState = { stored: null, memory: secret };
      if (mayWriteSecrets()) {
        try {
          state.stored = encrypt(secret);
          state.memory = null;
        } catch {
          logger.warn('vault: encryption failed for a client secret; keeping it in memory only');
        }
      }
      clientSecrets.set(clientId, state);
      try {
        await persistClientSecret(clientId);
      } catch {
        logger.warn('vault: could not write a client secret; keeping it in memory only');
        clientSecrets.set(clientId, { stored: null, memory: secret });
      }
    },

    readClientSecret(clientId) {
      const state = clientSecrets.get(clientId);
      if (!state) return null;
      if (state.memory !== null) return state.memory;
      if (state.stored === null) return null;
      try {
        return decrypt(state.stored);
      } catch {
        logger.warn('vault: a remembered client secret could not be decrypted');
        return null;
      }
    },

    async forgetClientSecret(clientId) {
      clientSecrets.delete(clientId);
      await persistClientSecret(clientId).catch(() => logger.warn('vault: could not remove a client secret file'));
    },

    async acceptWeakStorage(accept) {
      // Nothing to accept without any cipher; not remembered either, so it cannot silently
      // apply on a later start where a plain-text backend shows up.
      if (accept && encryption() === 'unavailable') return vault.status();
      preferences = { version: 1, acceptWeakStorage: accept };
      await enqueue(() => writeJsonFileAtomic(preferencesPath, preferences)).catch(() => logger.warn('vault: could not write preferences'));
      await moveSecretsToMatchMode();
      return vault.status();
    },

    flush: () => enqueue(async () => {}),
  };

  /**
   * After the admin's choice changed: secrets held in memory go to disk when that is now allowed;
   * weakly "encrypted" secrets come off the disk into memory when it no longer is.
   */
  async function moveSecretsToMatchMode(): Promise<void> {
    const toDisk = mayWriteSecrets();
    const fromDisk = !toDisk && encryption() === 'basic-text';
    const changed: string[] = [];
    for (const entry of entries.values()) {
      if (toDisk && entry.memory) {
        placeSecrets(entry, entry.memory);
        changed.push(entry.id);
      } else if (fromDisk && entry.stored && !entry.unreadable && entry.meta.status !== 'revoked') {
        const secrets = readSecrets(entry);
        if (!secrets.ok) continue;
        entry.stored = null;
        entry.memory = secrets.value;
        entry.meta.inMemoryOnly = true;
        changed.push(entry.id);
      }
    }
    await Promise.all(changed.map((id) => persistEntryQuietly(id)));

    for (const [clientId, state] of clientSecrets) {
      if (toDisk && state.memory !== null) await vault.rememberClientSecret(clientId, state.memory);
      else if (fromDisk && state.stored !== null) {
        const plain = vault.readClientSecret(clientId);
        if (plain === null) continue;
        clientSecrets.set(clientId, { stored: null, memory: plain });
        await persistClientSecret(clientId).catch(() => logger.warn('vault: could not remove a client secret file'));
      }
    }
  }

  return vault;
}

function fail(code: UserErrorCode): { ok: false; error: UserError } {
  return { ok: false, error: { code } };
}

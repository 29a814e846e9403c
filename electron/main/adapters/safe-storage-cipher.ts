// SecretCipher over Electron's safeStorage (Keychain on macOS, DPAPI on Windows, the Secret
// Service or KWallet on Linux). Only Linux can silently fall back to a hard-coded key
// (`basic_text`), so only there is the backend worth reporting.
import { safeStorage as electronSafeStorage, type SafeStorage } from 'electron';
import type { SecretCipher } from '../seams';

export function createSafeStorageCipher(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'> = electronSafeStorage,
  platform: NodeJS.Platform = process.platform,
): SecretCipher {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    storageBackend: () => {
      if (platform !== 'linux') return 'os';
      try {
        return safeStorage.getSelectedStorageBackend();
      } catch {
        return 'unknown';
      }
    },
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (cipher) => safeStorage.decryptString(cipher),
  };
}

// The fake electron `safeStorage`, seen through the SecretCipher seam as the adapter would pass it.
import { safeStorage } from '../../../../test/fakes/electron';
import type { SecretCipher } from '../../seams';

export function fakeSafeStorageCipher(): SecretCipher {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    storageBackend: () => safeStorage.getSelectedStorageBackend(),
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (cipher) => safeStorage.decryptString(cipher),
  };
}

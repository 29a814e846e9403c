// Stands in for safeStorage outside Electron: real AES-256-GCM with a key that lives only in
// this process's memory, so what lands on disk is ciphertext, as with the OS keychain.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher } from '../../electron/main/seams';

export function createHarnessCipher(options: { available?: boolean; backend?: string } = {}): SecretCipher {
  const key = randomBytes(32);
  const available = options.available ?? true;
  return {
    isEncryptionAvailable: () => available,
    storageBackend: () => options.backend ?? 'harness_aes_gcm',
    encryptString(plain) {
      if (!available) throw new Error('Encryption is not available.');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(data) {
      if (!available) throw new Error('Decryption is not available.');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

import type { SafeStorage } from 'electron';
import { AppError } from '../../shared/errors';
import type { SecretCipher } from '../secrets/SecretStore';

/** The OS keyring behind Electron's (asynchronous) safeStorage, as the core's SecretCipher. */
export function safeStorageCipher(safeStorage: SafeStorage, platform: NodeJS.Platform): SecretCipher {
  // On Linux without a keyring Electron falls back to a fixed key: encryption "works" but
  // protects nothing. The admin is told (Settings shows the warning).
  const noKeyring = platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  const ensure = async (): Promise<void> => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      throw new AppError('SECRET_STORE_UNAVAILABLE', 'The OS keyring is not available to encrypt secrets');
    }
  };
  return {
    ...(noKeyring ? { warning: 'no-keyring' as const } : {}),
    async encrypt(plain) {
      await ensure();
      return safeStorage.encryptStringAsync(plain);
    },
    async decrypt(cipher) {
      await ensure();
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(cipher);
      return { plain: result, reencrypt: shouldReEncrypt };
    },
  };
}

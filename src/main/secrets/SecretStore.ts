import type { SecretName, SecretStoreInfo } from '../../shared/settings';

/** Where credentials live. The core never writes a secret anywhere else. */
export interface SecretStore {
  info(): SecretStoreInfo;
  get(name: SecretName): string | undefined;
  has(name: SecretName): boolean;
  /** Throws AppError SECRET_STORE_READONLY where secrets come from the environment. */
  set(name: SecretName, value: string): void;
  clear(name: SecretName): void;
}

/**
 * Encrypts and decrypts with a key the OS keeps (Electron safeStorage). Implemented by the
 * Electron shell; the core only sees ciphertext.
 */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(cipher: Buffer): string;
  /** 'no-keyring': the cipher works but its key is not protected by an OS keyring. */
  readonly warning?: 'no-keyring';
}

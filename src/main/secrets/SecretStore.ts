import type { SecretName, SecretStoreInfo } from '../../shared/settings';

/** Where credentials live. The core never writes a secret anywhere else. */
export interface SecretStore {
  info(): SecretStoreInfo;
  get(name: SecretName): string | undefined;
  has(name: SecretName): boolean;
  /** Stored but not decryptable (the keyring changed): the admin must enter it again. */
  unreadable(name: SecretName): boolean;
  /** Rejects with AppError SECRET_STORE_READONLY where secrets come from the environment. */
  set(name: SecretName, value: string): Promise<void>;
  clear(name: SecretName): Promise<void>;
}

/**
 * Encrypts and decrypts with a key the OS keeps (Electron safeStorage). Implemented by the
 * Electron shell; the core only sees ciphertext.
 */
export interface SecretCipher {
  encrypt(plain: string): Promise<Buffer>;
  /** `reencrypt`: the OS rotated its key; store the secret again to keep it readable. */
  decrypt(cipher: Buffer): Promise<{ plain: string; reencrypt: boolean }>;
  /** 'no-keyring': the cipher works but its key is not protected by an OS keyring. */
  readonly warning?: 'no-keyring';
}

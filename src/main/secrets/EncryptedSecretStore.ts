import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { SecretName, SecretStoreInfo } from '../../shared/settings';
import type { SecretCipher, SecretStore } from './SecretStore';

/**
 * Secrets as ciphertext in the settings table (key "secret:<name>"); plaintext exists only
 * in memory, on demand.
 */
export class EncryptedSecretStore implements SecretStore {
  private readonly select;
  private readonly upsert;
  private readonly remove;

  constructor(
    db: Database,
    private readonly cipher: SecretCipher,
    private readonly now: () => number,
  ) {
    this.select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.upsert = db.prepare<[string, string, number]>(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.remove = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  }

  info(): SecretStoreInfo {
    return this.cipher.warning === undefined
      ? { kind: 'safeStorage', writable: true }
      : { kind: 'safeStorage', writable: true, warning: this.cipher.warning };
  }

  get(name: SecretName): string | undefined {
    const row = this.select.get(rowKey(name));
    if (row === undefined) return undefined;
    try {
      const { ciphertext } = JSON.parse(row.value) as { ciphertext: string };
      return this.cipher.decrypt(Buffer.from(ciphertext, 'base64'));
    } catch (error) {
      // The keyring changed (new OS user, reinstalled OS): the admin must enter it again.
      throw new AppError('SECRET_STORE_UNAVAILABLE', `Stored secret ${name} cannot be decrypted`, {
        name,
        cause: error instanceof Error ? error.message : String(error),
      });
    }
  }

  has(name: SecretName): boolean {
    return this.select.get(rowKey(name)) !== undefined;
  }

  set(name: SecretName, value: string): void {
    const ciphertext = this.cipher.encrypt(value).toString('base64');
    this.upsert.run(rowKey(name), JSON.stringify({ ciphertext }), this.now());
  }

  clear(name: SecretName): void {
    this.remove.run(rowKey(name));
  }
}

function rowKey(name: SecretName): string {
  return `secret:${name}`;
}

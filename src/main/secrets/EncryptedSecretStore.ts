import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { secretNames } from '../../shared/settings';
import type { SecretName, SecretStoreInfo } from '../../shared/settings';
import type { SecretCipher, SecretStore } from './SecretStore';

type Loaded = { plain: string } | { error: AppError };

/**
 * Secrets as ciphertext in the settings table (rows "secret:<name>"). They are decrypted once
 * when the store opens (the OS keyring API is asynchronous, requests need them synchronously)
 * and the plaintext lives only in memory.
 */
export class EncryptedSecretStore implements SecretStore {
  private readonly upsert;
  private readonly remove;

  private constructor(
    db: Database,
    private readonly cipher: SecretCipher,
    private readonly now: () => number,
    private readonly loaded: Map<SecretName, Loaded>,
  ) {
    this.upsert = db.prepare<[string, string, number]>(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.remove = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  }

  static async open(db: Database, cipher: SecretCipher, now: () => number): Promise<EncryptedSecretStore> {
    const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    const loaded = new Map<SecretName, Loaded>();
    const store = new EncryptedSecretStore(db, cipher, now, loaded);
    for (const name of secretNames) {
      const row = select.get(rowKey(name));
      if (row === undefined) continue;
      try {
        const { ciphertext } = JSON.parse(row.value) as { ciphertext: string };
        const { plain, reencrypt } = await cipher.decrypt(Buffer.from(ciphertext, 'base64'));
        loaded.set(name, { plain });
        if (reencrypt) await store.set(name, plain);
      } catch (error) {
        // The keyring changed (new OS user, reinstalled OS): the admin must enter it again.
        loaded.set(name, {
          error: new AppError('SECRET_STORE_UNAVAILABLE', `Stored secret ${name} cannot be decrypted`, {
            name,
            cause: error instanceof Error ? error.message : String(error),
          }),
        });
      }
    }
    return store;
  }

  info(): SecretStoreInfo {
    return this.cipher.warning === undefined
      ? { kind: 'safeStorage', writable: true }
      : { kind: 'safeStorage', writable: true, warning: this.cipher.warning };
  }

  get(name: SecretName): string | undefined {
    const entry = this.loaded.get(name);
    if (entry === undefined) return undefined;
    if ('error' in entry) throw entry.error;
    return entry.plain;
  }

  has(name: SecretName): boolean {
    return this.loaded.has(name);
  }

  unreadable(name: SecretName): boolean {
    const entry = this.loaded.get(name);
    return entry !== undefined && 'error' in entry;
  }

  async set(name: SecretName, value: string): Promise<void> {
    const ciphertext = (await this.cipher.encrypt(value)).toString('base64');
    this.upsert.run(rowKey(name), JSON.stringify({ ciphertext }), this.now());
    this.loaded.set(name, { plain: value });
  }

  clear(name: SecretName): Promise<void> {
    this.remove.run(rowKey(name));
    this.loaded.delete(name);
    return Promise.resolve();
  }
}

function rowKey(name: SecretName): string {
  return `secret:${name}`;
}

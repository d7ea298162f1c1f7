import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { defaultSettings } from '../../../src/shared/settings';
import { EncryptedSecretStore } from '../../../src/main/secrets/EncryptedSecretStore';
import { EnvironmentSecretStore } from '../../../src/main/secrets/EnvironmentSecretStore';
import type { SecretCipher } from '../../../src/main/secrets/SecretStore';
import { SettingsStore } from '../../../src/main/settings/SettingsStore';
import { migrate } from '../../../src/main/store/Migrator';
import { migrations } from '../../../src/main/store/migrations';

function database() {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  return db;
}

/** A reversible stand-in for safeStorage that makes ciphertext obviously not plaintext. */
const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
const xorCipher: SecretCipher = {
  encrypt: (plain) => Promise.resolve(xor(Buffer.from(plain, 'utf8'))),
  decrypt: (cipher) => Promise.resolve({ plain: xor(cipher).toString('utf8'), reencrypt: false }),
};

describe('SettingsStore', () => {
  it('returns defaults on an empty database', () => {
    const store = new SettingsStore(database(), () => 1);
    expect(store.read()).toEqual({ settings: defaultSettings, problems: [] });
  });

  it('stores a valid patch and reads it back', () => {
    const store = new SettingsStore(database(), () => 1);
    store.update({ deskName: 'Gate 3', language: 'da' });
    expect(store.read().settings).toMatchObject({ deskName: 'Gate 3', language: 'da', theme: 'dark' });
  });

  it('refuses an invalid patch whole, with field issues, and writes nothing', () => {
    const store = new SettingsStore(database(), () => 1);
    let caught: unknown;
    try {
      store.update({ deskName: 'Gate 3', venueTimeZone: 'Mars/Olympus', venueManager: { ...defaultSettings.venueManager, baseUrl: 'ftp://x' } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('INVALID_SETTINGS');
    const paths = ((caught as AppError).details?.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['venueTimeZone', 'venueManager.baseUrl']));
    expect(store.read().settings.deskName).toBe(defaultSettings.deskName);
  });

  it('reports a bad stored row, falls back to the default and keeps the row', () => {
    const db = database();
    db.prepare("INSERT INTO settings VALUES ('theme', '\"purple\"', 1), ('language', 'not json', 1), ('futureKey', '1', 1)").run();
    const { settings, problems } = new SettingsStore(db, () => 1).read();
    expect(settings.theme).toBe('dark');
    expect(problems.map((p) => p.key).sort()).toEqual(['language', 'theme']);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(3);
  });
});

describe('secret stores', () => {
  it('EncryptedSecretStore keeps only ciphertext in SQLite and reads it back after reopening', async () => {
    const db = database();
    const store = await EncryptedSecretStore.open(db, xorCipher, () => 1);
    await store.set('venueManager.bearerToken', 'super-secret-token-123');
    expect(store.get('venueManager.bearerToken')).toBe('super-secret-token-123');
    expect(store.has('venueManager.bearerToken')).toBe(true);
    const raw = db.prepare('SELECT group_concat(value) FROM settings').pluck().get() as string;
    expect(raw).not.toContain('super-secret-token-123');
    expect(raw).toContain('ciphertext');
    const reopened = await EncryptedSecretStore.open(db, xorCipher, () => 1);
    expect(reopened.get('venueManager.bearerToken')).toBe('super-secret-token-123');
    await reopened.clear('venueManager.bearerToken');
    expect(reopened.has('venueManager.bearerToken')).toBe(false);
    expect((await EncryptedSecretStore.open(db, xorCipher, () => 1)).has('venueManager.bearerToken')).toBe(false);
  });

  it('EncryptedSecretStore re-encrypts when the OS asks for it', async () => {
    const db = database();
    await (await EncryptedSecretStore.open(db, xorCipher, () => 1)).set('venueManager.basicPassword', 'pw');
    const read = () => db.prepare("SELECT value FROM settings WHERE key = 'secret:venueManager.basicPassword'").pluck().get();
    const before = read();
    const rotating: SecretCipher = {
      encrypt: (plain) => Promise.resolve(Buffer.concat([Buffer.from('v2:'), xor(Buffer.from(plain))])),
      decrypt: (cipher) => Promise.resolve({ plain: xor(cipher).toString('utf8'), reencrypt: true }),
    };
    const store = await EncryptedSecretStore.open(db, rotating, () => 2);
    expect(store.get('venueManager.basicPassword')).toBe('pw');
    expect(read()).not.toBe(before);
  });

  it('EncryptedSecretStore reports an undecryptable secret instead of returning garbage', async () => {
    const db = database();
    await (await EncryptedSecretStore.open(db, xorCipher, () => 1)).set('venueManager.headerValue', 'v');
    const broken: SecretCipher = { ...xorCipher, decrypt: () => Promise.reject(new Error('key changed')) };
    const store = await EncryptedSecretStore.open(db, broken, () => 1);
    expect(store.has('venueManager.headerValue')).toBe(true);
    expect(store.unreadable('venueManager.headerValue')).toBe(true);
    expect(() => store.get('venueManager.headerValue')).toThrow(
      expect.objectContaining({ code: 'SECRET_STORE_UNAVAILABLE' }),
    );
  });

  it('EncryptedSecretStore passes on the no-keyring warning', async () => {
    const store = await EncryptedSecretStore.open(database(), { ...xorCipher, warning: 'no-keyring' }, () => 1);
    expect(store.info()).toEqual({ kind: 'safeStorage', writable: true, warning: 'no-keyring' });
  });

  it('EnvironmentSecretStore reads variables and refuses writes with the variable name', async () => {
    const store = new EnvironmentSecretStore({ WRISTDESK_VM_BEARER_TOKEN: 'abc', WRISTDESK_VM_BASIC_PASSWORD: '' });
    expect(store.get('venueManager.bearerToken')).toBe('abc');
    expect(store.has('venueManager.basicPassword')).toBe(false);
    expect(store.info()).toEqual({ kind: 'environment', writable: false });
    await expect(store.set('venueManager.bearerToken')).rejects.toMatchObject({
      code: 'SECRET_STORE_READONLY',
      details: { variable: 'WRISTDESK_VM_BEARER_TOKEN' },
    });
  });
});

describe('SettingsStore reads', () => {
  it('are kept between updates (the hot path asks on every request), and an update is seen at once', () => {
    const db = database();
    const store = new SettingsStore(db, () => 1);
    expect(store.read().settings.deskName).toBe(defaultSettings.deskName);
    // Written behind the store's back (another process): not re-read on every call.
    db.prepare("INSERT INTO settings VALUES ('deskName', '\"Gate 9\"', 2)").run();
    expect(store.read().settings.deskName).toBe(defaultSettings.deskName);
    store.update({ language: 'da' });
    expect(store.read().settings).toMatchObject({ language: 'da', deskName: 'Gate 9' });
  });
});

import { AppError } from '../../shared/errors';
import { secretEnvironmentVariables } from '../../shared/settings';
import type { SecretName, SecretStoreInfo } from '../../shared/settings';
import type { SecretStore } from './SecretStore';

/**
 * Browser mode and headless commands: Electron's safeStorage is not available outside
 * Electron, so secrets come from environment variables and are never written anywhere.
 */
export class EnvironmentSecretStore implements SecretStore {
  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  info(): SecretStoreInfo {
    return { kind: 'environment', writable: false };
  }

  get(name: SecretName): string | undefined {
    const value = this.env[secretEnvironmentVariables[name]];
    return value === undefined || value === '' ? undefined : value;
  }

  has(name: SecretName): boolean {
    return this.get(name) !== undefined;
  }

  unreadable(): boolean {
    return false;
  }

  set(name: SecretName): Promise<never> {
    return Promise.reject(readonly(name));
  }

  clear(name: SecretName): Promise<never> {
    return Promise.reject(readonly(name));
  }
}

function readonly(name: SecretName): AppError {
  return new AppError(
    'SECRET_STORE_READONLY',
    `Secrets are read from the environment here; set ${secretEnvironmentVariables[name]} instead`,
    { variable: secretEnvironmentVariables[name] },
  );
}

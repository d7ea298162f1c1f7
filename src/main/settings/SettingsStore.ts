import type { Database } from 'better-sqlite3';
import { AppError, fieldIssues } from '../../shared/errors';
import { Settings, SettingsPatch, defaultSettings } from '../../shared/settings';
import type { SettingsKey } from '../../shared/settings';

export interface SettingsProblem {
  key: string;
  message: string;
}

export interface SettingsSnapshot {
  settings: Settings;
  problems: SettingsProblem[];
}

const settingKeys = Object.keys(Settings.shape) as SettingsKey[];

/**
 * Settings rows in SQLite, one per top-level key. Each row is validated on read on its own:
 * a bad row falls back to the default and is reported, but stays stored, so nothing typed
 * by an admin is lost by an upgrade or a hand edit.
 */
export class SettingsStore {
  private readonly selectAll;
  private readonly upsert;
  /**
   * The last read, kept: settings are asked for on every request and every status event (the
   * tap's hot path), and change only through update(). Like the Venue Manager connection, which
   * is configured at start and on update, a change written by another process is seen after a restart.
   */
  private snapshot: SettingsSnapshot | undefined;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.selectAll = db.prepare<[], { key: string; value: string }>(
      `SELECT key, value FROM settings WHERE key NOT LIKE 'secret:%'`,
    );
    this.upsert = db.prepare<[string, string, number]>(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
  }

  read(): SettingsSnapshot {
    this.snapshot ??= this.load();
    return this.snapshot;
  }

  private load(): SettingsSnapshot {
    const settings: Record<string, unknown> = { ...defaultSettings };
    const problems: SettingsProblem[] = [];
    for (const row of this.selectAll.all()) {
      if (!settingKeys.includes(row.key as SettingsKey)) continue; // a later version's key: keep, ignore
      const key = row.key as SettingsKey;
      let parsed: unknown;
      try {
        parsed = JSON.parse(row.value);
      } catch {
        problems.push({ key, message: 'stored value is not valid JSON' });
        continue;
      }
      const result = Settings.shape[key].safeParse(parsed);
      if (result.success) settings[key] = result.data;
      else problems.push({ key, message: result.error.issues.map((i) => i.message).join('; ') });
    }
    return { settings: settings as Settings, problems };
  }

  /** Validates the whole patch first; writes all of it or nothing. */
  update(patch: unknown): SettingsSnapshot {
    const result = SettingsPatch.safeParse(patch);
    if (!result.success) {
      throw new AppError('INVALID_SETTINGS', 'Settings were refused', {
        issues: fieldIssues(result.error),
      });
    }
    const at = this.now();
    this.db.transaction(() => {
      // A key given as undefined means "leave as is".
      for (const [key, value] of Object.entries(result.data) as [string, unknown][]) {
        if (value !== undefined) this.upsert.run(key, JSON.stringify(value), at);
      }
    })();
    this.snapshot = undefined;
    return this.read();
  }
}

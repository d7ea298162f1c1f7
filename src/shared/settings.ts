import { z } from 'zod';
import { ReadersSettings, defaultReadersSettings } from './readers';
import { UidFormatCalibration } from './uidProfile';

export const languages = ['en', 'da', 'nl'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    if (value === '') return true;
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL, or empty for demo mode');

export const VenueManagerSettings = z.object({
  /** Empty means "not configured": the app runs against the demo simulator. */
  baseUrl: httpUrl,
  authMode: z.enum(['none', 'bearer', 'basic', 'header']),
  basicUsername: z.string().max(200),
  /** Header name for authMode "header" (an HTTP token: letters, digits and - _ only). */
  headerName: z.string().regex(/^[A-Za-z0-9_-]{0,100}$/, 'letters, digits, - and _ only'),
  /**
   * Whether this Venue Manager lists comments in the product history. Only then can a comment
   * whose answer was lost be confirmed; otherwise it is sent again and flagged "may be duplicated".
   */
  historyShowsComments: z.boolean().default(false),
});
export type VenueManagerSettings = z.infer<typeof VenueManagerSettings>;

export const TickowebSettings = z.object({
  /** The WebDAV folder the credentials give (all organisations, one, or one event). Empty: not configured (demo mode serves a sample tree). */
  baseUrl: httpUrl,
  /** HTTP Basic user; the password is the secret `tickoweb.password`. */
  username: z.string().max(200),
  /** An incremental sync every N minutes while the app runs (0: only on demand). */
  autoSyncMinutes: z.number().int().min(0).max(1440),
  /** A full reconcile (every order fetched again) every N hours: the net for lagging folder times (0: never). */
  fullReconcileHours: z.number().int().min(0).max(168),
});
export type TickowebSettings = z.infer<typeof TickowebSettings>;

const reasonList = z.array(z.string().trim().min(1).max(200)).max(10);

/** Reasons this desk typed before, newest first, offered again next to the built-in presets. */
export const RecentReasons = z.object({ block: reasonList, replace: reasonList, add: reasonList });
export type RecentReasons = z.infer<typeof RecentReasons>;

/** Each top-level key is stored as one row in the settings table and validated on its own. */
export const Settings = z.object({
  language: z.union([z.literal('auto'), Language]),
  theme: z.enum(['dark', 'light']),
  deskName: z.string().trim().min(1).max(60),
  venueTimeZone: z.string().refine(isTimeZone, 'not a known IANA time zone'),
  venueManager: VenueManagerSettings,
  recentReasons: RecentReasons,
  /** Set by the admin: no request leaves for Venue Manager until it is switched off again. */
  workOffline: z.boolean(),
  /** How Venue Manager writes token UIDs here: unknown until a calibration tap (no silent default). */
  venueUidFormat: UidFormatCalibration,
  readers: ReadersSettings,
  tickoweb: TickowebSettings,
});
export type Settings = z.infer<typeof Settings>;
export type SettingsKey = keyof Settings;

export const defaultSettings: Settings = {
  language: 'auto',
  theme: 'dark',
  deskName: 'Help desk',
  venueTimeZone: 'Europe/Copenhagen',
  venueManager: { baseUrl: '', authMode: 'none', basicUsername: '', headerName: '', historyShowsComments: false },
  recentReasons: { block: [], replace: [], add: [] },
  workOffline: false,
  venueUidFormat: { state: 'uncalibrated' },
  readers: defaultReadersSettings,
  tickoweb: { baseUrl: '', username: '', autoSyncMinutes: 10, fullReconcileHours: 24 },
};

export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Settings any signed-in volunteer may change; every other key needs the admin PIN. */
export const operatorSettingKeys = ['language', 'theme', 'recentReasons'] as const satisfies readonly SettingsKey[];

export function patchNeedsAdmin(patch: SettingsPatch): boolean {
  return Object.keys(patch).some((key) => !(operatorSettingKeys as readonly string[]).includes(key));
}

export const secretNames = [
  'venueManager.bearerToken',
  'venueManager.basicPassword',
  'venueManager.headerValue',
  'tickoweb.password',
] as const;
export const SecretName = z.enum(secretNames);
export type SecretName = z.infer<typeof SecretName>;

/** Where headless runs and browser mode read each secret from. */
export const secretEnvironmentVariables: Record<SecretName, string> = {
  'venueManager.bearerToken': 'WRISTDESK_VM_BEARER_TOKEN',
  'venueManager.basicPassword': 'WRISTDESK_VM_BASIC_PASSWORD',
  'venueManager.headerValue': 'WRISTDESK_VM_HEADER_VALUE',
  'tickoweb.password': 'WRISTDESK_TICKOWEB_PASSWORD',
};

export const SecretStoreInfo = z.object({
  /** safeStorage: encrypted by the OS keyring (Electron); environment: read-only, from env vars. */
  kind: z.enum(['safeStorage', 'environment']),
  writable: z.boolean(),
  /** Set when safeStorage has no real keyring (Linux basic_text): the admin must be told. */
  warning: z.enum(['no-keyring']).optional(),
});
export type SecretStoreInfo = z.infer<typeof SecretStoreInfo>;

export const SettingsProblem = z.object({ key: z.string(), message: z.string() });

export const SettingsView = z.object({
  settings: Settings,
  /** unreadable: stored, but the OS keyring can no longer decrypt it (enter it again). */
  secrets: z.record(
    SecretName,
    z.object({
      set: z.boolean(),
      unreadable: z.boolean().optional(),
      /** Epoch ms a bearer token says it expires (its JWT `exp`), when it is a JWT that says so. */
      expiresAt: z.number().optional(),
    }),
  ),
  secretStore: SecretStoreInfo,
  /** Stored values that failed validation: defaults are used, the stored row is kept. */
  problems: z.array(SettingsProblem),
});
export type SettingsView = z.infer<typeof SettingsView>;

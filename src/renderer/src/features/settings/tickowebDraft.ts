import { TickowebSettings, type Settings } from '../../../../shared/settings';

/** The Tickoweb connection as typed (numbers as text until checked). The password is a secret, set under Credentials. */
export interface TickowebDraft {
  baseUrl: string;
  username: string;
  autoSyncMinutes: string;
  fullReconcileHours: string;
}
export type TickowebDraftField = keyof TickowebDraft;

export function tickowebDraftFromSettings(settings: Settings): TickowebDraft {
  return {
    baseUrl: settings.tickoweb.baseUrl,
    username: settings.tickoweb.username,
    autoSyncMinutes: String(settings.tickoweb.autoSyncMinutes),
    fullReconcileHours: String(settings.tickoweb.fullReconcileHours),
  };
}

export type TickowebDraftValidation =
  | { ok: true; patch: Pick<Partial<Settings>, 'tickoweb'> }
  | { ok: false; invalidFields: TickowebDraftField[] };

/** Whole numbers only: "10", not "1e1" or "10.5" (the schema would refuse those anyway, with a worse field). */
function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * The group checked with the shared schema, so what is refused here is what the core would
 * refuse; the patch holds the whole group, and only when something in it changed.
 */
export function validateTickowebDraft(draft: TickowebDraft, current: Settings): TickowebDraftValidation {
  const parsed = TickowebSettings.safeParse({
    baseUrl: draft.baseUrl,
    username: draft.username,
    autoSyncMinutes: wholeNumber(draft.autoSyncMinutes),
    fullReconcileHours: wholeNumber(draft.fullReconcileHours),
  });
  if (!parsed.success) {
    const fields = new Set<TickowebDraftField>();
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'baseUrl' || field === 'username' || field === 'autoSyncMinutes' || field === 'fullReconcileHours') fields.add(field);
    }
    return { ok: false, invalidFields: [...fields] };
  }
  const next = parsed.data;
  const stored = current.tickoweb;
  const changed = (Object.keys(next) as (keyof typeof next)[]).some((key) => next[key] !== stored[key]);
  return { ok: true, patch: changed ? { tickoweb: next } : {} };
}

import { SettingsPatch, type Settings, type VenueManagerSettings } from '../../../../shared/settings';

/** The editable settings as form fields (display settings apply on their own, see DisplaySettings). */
export interface SettingsDraft {
  deskName: string;
  venueTimeZone: string;
  baseUrl: string;
  authMode: VenueManagerSettings['authMode'];
  basicUsername: string;
  headerName: string;
  historyShowsComments: boolean;
}
export type DraftField = keyof SettingsDraft;
/** The fields typed as text (the rest are checkboxes). */
export type TextDraftField = Exclude<DraftField, 'historyShowsComments'>;

const venueManagerFields = ['baseUrl', 'authMode', 'basicUsername', 'headerName', 'historyShowsComments'] as const;

export function draftFromSettings(settings: Settings): SettingsDraft {
  return {
    deskName: settings.deskName,
    venueTimeZone: settings.venueTimeZone,
    ...settings.venueManager,
  };
}

/**
 * Only the top-level keys that differ from what is stored: each key is one stored row, so an
 * unchanged key is never rewritten (and never clobbers a change made elsewhere meanwhile).
 */
export function changedSettings(draft: SettingsDraft, current: Settings): SettingsPatch {
  const patch: SettingsPatch = {};
  if (draft.deskName !== current.deskName) patch.deskName = draft.deskName;
  if (draft.venueTimeZone !== current.venueTimeZone) patch.venueTimeZone = draft.venueTimeZone;
  const venueManager: VenueManagerSettings = {
    baseUrl: draft.baseUrl,
    authMode: draft.authMode,
    basicUsername: draft.basicUsername,
    headerName: draft.headerName,
    historyShowsComments: draft.historyShowsComments,
  };
  if (venueManagerFields.some((field) => venueManager[field] !== current.venueManager[field])) {
    patch.venueManager = venueManager;
  }
  return patch;
}

export type DraftValidation =
  | { ok: true; patch: SettingsPatch }
  | { ok: false; invalidFields: DraftField[] };

/** Validates the changed keys with the shared schema, so what is refused here is what the core would refuse. */
export function validateDraft(draft: SettingsDraft, current: Settings): DraftValidation {
  const parsed = SettingsPatch.safeParse(changedSettings(draft, current));
  if (parsed.success) return { ok: true, patch: parsed.data };
  const invalidFields = new Set<DraftField>();
  for (const issue of parsed.error.issues) {
    const field = fieldForPath(issue.path);
    if (field !== null) invalidFields.add(field);
  }
  return { ok: false, invalidFields: [...invalidFields] };
}

function fieldForPath(path: readonly PropertyKey[]): DraftField | null {
  const [top, nested] = path;
  if (top === 'deskName' || top === 'venueTimeZone') return top;
  if (top === 'venueManager') return venueManagerFields.find((field) => field === nested) ?? null;
  return null;
}

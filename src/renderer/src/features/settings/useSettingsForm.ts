import { useState, type SubmitEvent } from 'react';
import type { WireError } from '../../../../shared/errors';
import type { Settings, SettingsPatch } from '../../../../shared/settings';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';

/** Where a settings form's last save attempt stands. */
export type SaveOutcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'unchanged' }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: WireError };

export type DraftCheck<Field> = { ok: true; patch: SettingsPatch } | { ok: false; invalidFields: Field[] };

/** How one form turns settings into its draft and its draft back into a patch (empty when nothing changed). */
export interface SettingsFormSpec<Draft, Field> {
  fromSettings: (settings: Settings) => Draft;
  validate: (draft: Draft, current: Settings) => DraftCheck<Field>;
}

/**
 * A settings form's draft, edited locally, validated on submit and saved as one patch;
 * after a save the draft is rebuilt from what the core stored.
 */
export function useSettingsForm<Draft extends object, Field>(settings: Settings, spec: SettingsFormSpec<Draft, Field>) {
  const updateSettings = useAppStore((state) => state.updateSettings);
  const [draft, setDraft] = useState<Draft>(() => spec.fromSettings(settings));
  const [invalidFields, setInvalidFields] = useState<ReadonlySet<Field>>(new Set());
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: 'idle' });

  const edit =
    <K extends keyof Draft>(field: K) =>
    (value: Draft[K]) =>
      setDraft((previous) => ({ ...previous, [field]: value }));

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const validation = spec.validate(draft, settings);
    if (!validation.ok) {
      setInvalidFields(new Set(validation.invalidFields));
      setOutcome({ kind: 'invalid' });
      return;
    }
    setInvalidFields(new Set());
    if (Object.keys(validation.patch).length === 0) {
      setOutcome({ kind: 'unchanged' });
      return;
    }
    setOutcome({ kind: 'saving' });
    try {
      const view = await updateSettings(validation.patch);
      setDraft(spec.fromSettings(view.settings));
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'failed', error: toAppError(error).toWire() });
    }
  };

  return { draft, edit, invalidFields, outcome, onSubmit };
}

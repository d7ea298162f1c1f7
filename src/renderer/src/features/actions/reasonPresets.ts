import type { ActionKind } from '../../../../shared/actions';

/** Built-in reasons per action, as translation keys; "other" means "type it yourself". */
export const reasonPresets = {
  block: ['actions.preset.block.lost', 'actions.preset.block.stolen', 'actions.preset.block.damaged'],
  replace: ['actions.preset.replace.unreadable', 'actions.preset.replace.broken'],
  add: ['actions.preset.add.printAtHome', 'actions.preset.add.firstBand'],
} as const satisfies Record<Exclude<ActionKind, 'comment'>, readonly string[]>;

export const otherReasonKey = {
  block: 'actions.preset.block.other',
  replace: 'actions.preset.replace.other',
  add: 'actions.preset.add.other',
} as const satisfies Record<Exclude<ActionKind, 'comment'>, string>;

export type ReasonKind = keyof typeof reasonPresets;

/** Whether `reason` is one of the built-in presets (in the desk's language): those are not remembered as recent. */
export function isPresetReason(
  kind: ReasonKind,
  reason: string,
  translate: (key: (typeof reasonPresets)[ReasonKind][number]) => string,
): boolean {
  return reasonPresets[kind].some((key) => translate(key) === reason);
}

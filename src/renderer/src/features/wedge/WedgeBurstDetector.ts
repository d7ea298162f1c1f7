import { isModifierOnly, isWedgeTerminator, wedgeCharacter } from './wedgeCharacter';

/** One keydown as the detector needs it. `at` is in ms on any clock that only goes forward. */
export interface WedgeKey {
  readonly code: string;
  readonly key: string;
  readonly at: number;
  readonly shiftKey: boolean;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
  /** Auto-repeat of a key held down: readers never hold a key. */
  readonly repeat?: boolean;
  /** Part of an IME composition: only people compose. */
  readonly isComposing?: boolean;
}

/**
 * What to do with a key:
 * - `hold`: it may be a reader's; keep it from the page for now;
 * - `pass`: let it through;
 * - `scan`: it ended a reader's burst; keep it from the page and hand `scan` to the core.
 * `release` lists earlier held keys that turned out to be a person's: deliver them, in order,
 * before this key.
 */
export type WedgeDecision<K extends WedgeKey> =
  | { readonly action: 'hold'; readonly release: readonly K[] }
  | { readonly action: 'pass'; readonly release: readonly K[] }
  | { readonly action: 'scan'; readonly scan: string };

export interface WedgeBurstOptions {
  /** Shortest read accepted. 4 keeps a person's quick "12" + Enter out, and every UID format is longer. */
  minLength?: number;
  /**
   * Longest gap between a reader's keys. Readers type a character every 1–20 ms (a press and a
   * release report at a 1–10 ms USB polling interval); 35 ms leaves room for OS and event-loop
   * jitter on a slow laptop. People rarely go under ~80 ms between keys even when typing fast
   * (a 120 wpm typist averages ~100 ms), and a run of four keys all under 35 ms does not happen
   * by hand. Gaps come from the keys' own timestamps, so a busy page does not change them.
   */
  maxGapMs?: number;
}

/**
 * Tells a keyboard-wedge reader's burst (characters at machine speed, then Enter or Tab) from a
 * person typing. Pure: no DOM, no clock of its own; the caller brings each key's time.
 *
 * Design: every plain digit or letter is held, because any one of them may be the first of a
 * burst, and a burst must never reach a focused field or dialog (DESIGN §6). Held keys are given
 * back (`release`) as soon as they cannot be a burst any more: the next character came too late,
 * a key no reader sends came (Backspace, Space, a Ctrl combination…), the terminator came before
 * `minLength` characters, or the caller's timer says nothing followed within `maxGapMs`
 * (`release()`). The caller re-delivers them, so a person loses no key; each key of theirs
 * reaches the page about `maxGapMs` late, which nobody notices. Passing the first key or two
 * instead would need no re-delivery, but would let them land in the field a scan happened over.
 */
export class WedgeBurstDetector<K extends WedgeKey = WedgeKey> {
  readonly minLength: number;
  readonly maxGapMs: number;
  private held: { key: K; char: string }[] = [];
  /** When the last key given back was typed, and whether the run held now began right after it. */
  private releasedAt: number | undefined;
  private tainted = false;

  constructor({ minLength = 4, maxGapMs = 35 }: WedgeBurstOptions = {}) {
    this.minLength = minLength;
    this.maxGapMs = maxGapMs;
  }

  /** Whether keys are being held, so the caller knows to arm its `release()` timer. */
  get holding(): boolean {
    return this.held.length > 0;
  }

  feed(key: K): WedgeDecision<K> {
    // A reader's Shift for an upper-case letter comes between its characters: neither part of
    // the read nor a reason to end it.
    if (isModifierOnly(key.code)) return { action: 'pass', release: [] };
    const last = this.held.at(-1);
    const inTime = last !== undefined && key.at - last.key.at <= this.maxGapMs;
    const byPerson = key.ctrlKey === true || key.altKey === true || key.metaKey === true || key.repeat === true || key.isComposing === true;
    const char = byPerson ? null : wedgeCharacter(key.code);
    if (char !== null) {
      const release = last !== undefined && !inTime ? this.release() : [];
      // A run starting right after keys were given back is the rest of a split burst, not a
      // burst of its own: scanning it would look up half a UID while the other half was typed.
      if (this.held.length === 0) this.tainted = this.releasedAt !== undefined && key.at - this.releasedAt <= this.maxGapMs;
      this.held.push({ key, char });
      return { action: 'hold', release };
    }
    if (!byPerson && isWedgeTerminator(key.code) && inTime && !this.tainted && this.held.length >= this.minLength) {
      const scan = this.held.map((held) => held.char).join('');
      this.held = [];
      return { action: 'scan', scan };
    }
    return { action: 'pass', release: this.release() };
  }

  /** Gives back every held key, oldest first: the caller saw nothing follow in time. */
  release(): K[] {
    const keys = this.held.map((held) => held.key);
    if (keys.length > 0) this.releasedAt = keys.at(-1)?.at;
    this.held = [];
    return keys;
  }
}

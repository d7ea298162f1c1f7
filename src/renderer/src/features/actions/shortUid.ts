/** "04A2B3C4D5E6C1" → "04A2…C1": enough to compare with the band in hand, short enough for a button. */
export function shortUid(uid: string): string {
  return uid.length <= 8 ? uid : `${uid.slice(0, 4)}…${uid.slice(-2)}`;
}

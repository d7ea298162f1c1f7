import type { TokenView } from '../../../../shared/model';

/** UIDs compared the way readers and servers disagree least: case and separators ignored. */
export function sameUid(a: string, b: string): boolean {
  const canonical = (uid: string) => uid.replace(/[^0-9a-z]/gi, '').toUpperCase();
  return canonical(a) === canonical(b);
}

/** The tapped wristband's token, and the product's other tokens in their original order. */
export function splitTokens(
  tokens: readonly TokenView[],
  tappedUid: string,
): { tapped: TokenView | null; others: TokenView[] } {
  const tapped = tokens.find((token) => sameUid(token.uid, tappedUid)) ?? null;
  return { tapped, others: tokens.filter((token) => token !== tapped) };
}

/** `text` with the given ranges marked (<mark>); ranges out of bounds or overlapping are tolerated. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly { start: number; end: number }[] }) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  const sorted = [...ranges]
    .map(({ start, end }) => ({ start: Math.max(0, Math.min(start, text.length)), end: Math.max(0, Math.min(end, text.length)) }))
    .filter(({ start, end }) => end > start)
    .sort((a, b) => a.start - b.start);
  for (const { start, end } of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) parts.push({ text: text.slice(at, from), marked: false });
    parts.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    <>
      {parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}

/** One JSON line per figure, as `npm run bench` promises. */
export interface LatencyLine {
  name: string;
  unit: 'ms';
  n: number;
  p50: number;
  p95: number;
  p99: number;
  goal?: Record<string, number>;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function latencyLine(name: string, samples: readonly number[], goal?: Record<string, number>): LatencyLine {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    name,
    unit: 'ms',
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    ...(goal === undefined ? {} : { goal }),
  };
}

export function print(line: object): void {
  console.log(JSON.stringify(line));
}

/** Formatting helpers shared by pages (pure functions, usable on server and client). */
import { wilsonInterval } from '@frogpond/compute/stats';

/** Wilson 95% score interval for k successes in n trials (used only when the API omits one); [0, 1] for n = 0. */
export function wilson(k: number, n: number): [number, number] {
  const w = wilsonInterval(k, n);
  return w ? [w.low, w.high] : [0, 1];
}

export function pct(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return `${(x * 100).toFixed(digits)}%`;
}

/** Background shade for a success rate in [0, 1]: white -> green. */
export function shade(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return 'transparent';
  const r = Math.max(0, Math.min(1, rate));
  // Interpolate from #ffffff to #5fb394 in sRGB: readable with dark text over the whole range.
  const mix = (a: number, b: number) => Math.round(a + (b - a) * r);
  return `rgb(${mix(255, 95)}, ${mix(255, 179)}, ${mix(255, 148)})`;
}

/** Rate as the papers write it: 0.005 -> "0.5%". */
export function ratePct(rate: number): string {
  const v = rate * 100;
  return `${Number(v.toPrecision(6))}%`;
}

export function ms(x: number | null | undefined): string {
  if (x === null || x === undefined) return '–';
  if (x < 1000) return `${Math.round(x)} ms`;
  if (x < 120_000) return `${(x / 1000).toFixed(1)} s`;
  return `${(x / 60_000).toFixed(1)} min`;
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** Parameters as short `key = value` items (definition tables). */
export function paramItems(params: unknown): string[] {
  if (!params || typeof params !== 'object') return [];
  return Object.entries(params as Record<string, unknown>).map(([k, v]) => `${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`);
}

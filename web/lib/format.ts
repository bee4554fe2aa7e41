/** Formatting helpers shared by pages (pure functions, usable on server and client). */
import { interpolateYlGn } from 'd3-scale-chromatic';

/** Wilson 95% score interval for k successes in n trials (used only when the API omits one). */
export function wilson(k: number, n: number, z = 1.959963984540054): [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export function pct(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return `${(x * 100).toFixed(digits)}%`;
}

/**
 * Background shade for a success rate in [0, 1] on ColorBrewer's perceptual YlGn scale (equal steps of rate read as
 * equal steps of colour). Only its light half is used, so dark text stays readable over the whole range; shaded
 * cells set that text colour themselves (SHADE_TEXT) so the dark theme keeps the contrast.
 */
export function shade(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return 'transparent';
  return interpolateYlGn(0.04 + 0.5 * Math.max(0, Math.min(1, rate)));
}
export const SHADE_TEXT = '#14191c';

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

/** RFC 4180 CSV of a header row and data rows. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Parameters as short `key = value` items (definition tables). */
export function paramItems(params: unknown): string[] {
  if (!params || typeof params !== 'object') return [];
  return Object.entries(params as Record<string, unknown>).map(([k, v]) => `${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`);
}

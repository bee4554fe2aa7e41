/** Formatting helpers shared by pages (pure functions, usable on server and client). */
import { wilsonInterval } from '@frogpond/compute/stats';
import { interpolateYlGn } from 'd3-scale-chromatic';

/** Wilson 95% score interval for k successes in n trials (used only when the API omits one); [0, 1] for n = 0. */
export function wilson(k: number, n: number): [number, number] {
  const w = wilsonInterval(k, n);
  return w ? [w.low, w.high] : [0, 1];
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

/** Parameters as short `key = value` items (definition tables). */
export function paramItems(params: unknown): string[] {
  if (!params || typeof params !== 'object') return [];
  return Object.entries(params as Record<string, unknown>).map(([k, v]) => `${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`);
}

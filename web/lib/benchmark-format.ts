/** Formatting shared by the benchmark pages. */

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export function num(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined ? '–' : x.toFixed(digits);
}

export function kn(k: number | null | undefined, n: number | null | undefined): string {
  return k === null || k === undefined || !n ? '–' : `${k}/${n}`;
}

import crypto from 'node:crypto';

/** Everything about one trial's cell that determines what it runs. */
export interface CellCoordinates {
  dataset: string;
  labels: number;
  algorithm: string;
  rate: number;
  density: string | null;
  attackId: string | null;
  defenseId: string | null;
  replicate: number;
}

/**
 * Deterministic 31-bit seed of a trial: sha256 over the seed base and the cell coordinates (plus replicate).
 * The same seed base and cell always give the same seed, in any experiment, so results are reproducible and
 * comparable across experiments.
 */
export function trialSeed(seedBase: number, c: CellCoordinates): number {
  const text = [seedBase, c.dataset, c.labels, c.algorithm, c.rate, c.density ?? '', c.attackId ?? '', c.defenseId ?? '', c.replicate].join('|');
  return crypto.createHash('sha256').update(text).digest().readUInt32BE(0) & 0x7fffffff;
}

export interface MatrixShape {
  datasets: string[]; labels: number[]; algorithms: string[]; rates: number[];
  densities: (string | null)[];
  /**
   * usesDensity: the attack's poisons lie on a path (densities multiply it); usesDefense: a defense can filter its
   * poisons; defenses: where only some of the matrix's defenses apply to the attack, those (or [null]: it runs undefended).
   */
  attacks: { id: string | null; usesDensity: boolean; usesDefense: boolean; defenses?: (string | null)[] }[];
  defenses: (string | null)[];
  trialsPerCell: number;
}

/**
 * Number of trials a matrix expands into. Densities only multiply attacks that use a density, and defenses only
 * attacks whose poisons a defense can filter (the Poison Frogs kinds run without one).
 */
export function countTrials(m: MatrixShape): number {
  const attackVariants = m.attacks.reduce((n, a) => n + (a.usesDensity ? m.densities.length : 1) * defensesOf(m, a).length, 0);
  return m.datasets.length * m.labels.length * m.algorithms.length * m.rates.length * attackVariants * m.trialsPerCell;
}

const defensesOf = (m: MatrixShape, a: MatrixShape['attacks'][number]): (string | null)[] => (a.usesDefense ? a.defenses ?? m.defenses : [null]);

/** Enumerates the cells x replicates of a matrix in a fixed order (the trial ordinal). */
export function* expandMatrix(m: MatrixShape): Generator<CellCoordinates> {
  for (const dataset of m.datasets) for (const labels of m.labels) for (const algorithm of m.algorithms)
    for (const rate of m.rates) for (const attack of m.attacks) for (const density of attack.usesDensity ? m.densities : [null])
      for (const defenseId of defensesOf(m, attack)) for (let replicate = 0; replicate < m.trialsPerCell; replicate++) {
        yield { dataset, labels, algorithm, rate, density, attackId: attack.id, defenseId, replicate };
      }
}

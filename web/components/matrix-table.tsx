/** One aggregated cell as the pages use it (adapted from the API's matrix cells). */
export interface CellView {
  row: string[];
  column: string[];
  successes: number;
  trials: number;
  low: number;
  high: number;
  cleanAccuracy?: number | null;
  /** the paper's reported k/n for this cell, if any */
  reported?: string | null;
  /** all trials of the cell, finished or not */
  scheduled?: number;
  /** where every trial of the cell ran a defense: the same trials without it */
  without?: { successes: number; trials: number; low: number | null; high: number | null; cleanAccuracy: number | null } | null;
  /** the defense's detection metrics (means; removals pooled over the trials) */
  detection?: { rocAuc: number | null; tprAt5Fpr: number | null; poisonsRemoved: number | null; poisons: number | null; cleanRemoved: number | null; clean: number | null } | null;
}

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
}

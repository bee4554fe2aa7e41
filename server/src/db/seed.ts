import fs from 'node:fs';
import path from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { BUILTIN_DENSITIES, validateDensity } from '@frogpond/compute/densities';
import { ALGORITHMS, BUILTIN_ATTACKS, BUILTIN_DEFENSES, DATASETS, PUBLICATIONS } from './catalogue-data';
import { resolveAttackParams, resolveDefenseParams } from '@frogpond/compute/contract';
import { AttackKind } from '../modules/attack/attack.entity';

/** repo root from dist/server/src/db */
const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const PAPER_RESULTS_PATH = path.join(REPO_ROOT, 'data/paper-results.json');

export interface ReportedRow {
  publication: string; tableKey: string; tableOrder: number; rowKey: string; columnKey: string;
  dataset: string; labels: number; algorithm: string; rate: number; density: string | null; attackKind: string;
  successes: number; trials: number;
}

const DATASET_NAMES: Record<string, string> = { 'CIFAR-10': 'cifar10', SVHN: 'svhn', 'STL-10': 'stl10' };
const ALGORITHM_NAMES: Record<string, string> = { MixMatch: 'mixmatch', UDA: 'uda', FixMatch: 'fixmatch' };
/** Table 1 note: CIFAR-10 and SVHN use 40 labeled examples, STL-10 uses 1000. */
const DEFAULT_LABELS: Record<string, number> = { cifar10: 40, svhn: 40, stl10: 1000 };

function parseCell(cell: string | null): { successes: number; trials: number } | null {
  if (cell === null) return null;
  const m = /^(\d+)\/(\d+)$/.exec(cell);
  if (!m) throw new Error(`paper-results.json: bad cell "${cell}"`);
  return { successes: Number(m[1]), trials: Number(m[2]) };
}
function percent(text: string): number {
  const m = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (!m) throw new Error(`paper-results.json: bad rate "${text}"`);
  // rates are stored as fractions, rounded so 0.1% is exactly the double 0.001
  return Number((Number(m[1]) / 100).toFixed(6));
}
function splitColumn(col: string): [string, string] {
  const [ds, rest] = col.split('@');
  const dataset = DATASET_NAMES[ds];
  if (!dataset || rest === undefined) throw new Error(`paper-results.json: bad column "${col}"`);
  return [dataset, rest];
}

type Table = { columns: string[]; rows: Record<string, (string | null)[]> };

/**
 * Maps every table of paper-results.json onto cell coordinates. Throws on anything it does not understand,
 * so a changed file cannot be silently half-imported.
 */
export function reportedRowsFromPaperResults(json: any): ReportedRow[] {
  const out: ReportedRow[] = [];
  const c = json.carlini2021;
  const push = (tableKey: string, tableOrder: number, rowKey: string, columnKey: string, cell: string | null,
    coords: Omit<ReportedRow, 'publication' | 'tableKey' | 'tableOrder' | 'rowKey' | 'columnKey' | 'successes' | 'trials'>) => {
    const v = parseCell(cell);
    if (v) out.push({ publication: 'carlini2021', tableKey, tableOrder, rowKey, columnKey, ...coords, ...v });
  };
  const t1 = c.table1_algorithm_by_dataset_and_rate as Table;
  for (const [row, cells] of Object.entries(t1.rows)) {
    t1.columns.forEach((col, i) => {
      const [dataset, rate] = splitColumn(col);
      push('table1_algorithm_by_dataset_and_rate', 1, row, col, cells[i], {
        dataset, labels: DEFAULT_LABELS[dataset], algorithm: ALGORITHM_NAMES[row], rate: percent(rate), density: null, attackKind: AttackKind.INTERPOLATION,
      });
    });
  }
  const t2 = c.table2_algorithm_by_label_budget as Table;
  for (const [row, cells] of Object.entries(t2.rows)) {
    t2.columns.forEach((col, i) => {
      const [dataset, labels] = splitColumn(col);
      push('table2_algorithm_by_label_budget', 2, row, col, cells[i], {
        dataset, labels: Number(labels), algorithm: ALGORITHM_NAMES[row], rate: 0.001, density: null, attackKind: AttackKind.INTERPOLATION,
      });
    });
  }
  const t3 = c.table3_density_functions as Table;
  for (const [row, cells] of Object.entries(t3.rows)) {
    const density = BUILTIN_DENSITIES.find((d) => d.label === row);
    if (!density) throw new Error(`paper-results.json: unknown density row "${row}"`);
    t3.columns.forEach((col, i) => {
      push('table3_density_functions', 3, row, col, cells[i], {
        dataset: 'cifar10', labels: 40, algorithm: 'fixmatch', rate: percent(col), density: density.slug, attackKind: AttackKind.INTERPOLATION,
      });
    });
  }
  const f6 = c.figure6_zero_knowledge as Table;
  for (const [row, cells] of Object.entries(f6.rows)) {
    f6.columns.forEach((col, i) => {
      const [dataset, rate] = splitColumn(col);
      push('figure6_zero_knowledge', 4, row, col, cells[i], {
        dataset, labels: DEFAULT_LABELS[dataset], algorithm: ALGORITHM_NAMES[row], rate: percent(rate), density: null, attackKind: AttackKind.ZERO_KNOWLEDGE_INTERPOLATION,
      });
    });
  }
  for (const r of out) if (!r.algorithm || !r.labels) throw new Error(`paper-results.json: unmapped cell ${r.tableKey} ${r.rowKey} ${r.columnKey}`);
  return out;
}

/**
 * Idempotent seeding of the built-in catalogue: inserts what is missing, never overwrites (ON CONFLICT DO NOTHING),
 * so user data and later edits survive restarts.
 */
export async function seedCatalogue(ds: DataSource | EntityManager): Promise<void> {
  const m = ds instanceof DataSource ? ds.manager : ds;
  await m.transaction(async (t) => {
    for (const d of DATASETS) {
      await t.query(
        `INSERT INTO dataset (slug, name, num_classes, shape, train_size, test_size, source, description)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (slug) DO NOTHING`,
        [d.slug, d.name, d.numClasses, d.shape, d.trainSize, d.testSize, d.source, d.description]);
    }
    for (const a of ALGORITHMS) {
      await t.query(`INSERT INTO algorithm (slug, name, description, defaults) VALUES ($1,$2,$3,$4) ON CONFLICT (slug) DO NOTHING`,
        [a.slug, a.name, a.description, JSON.stringify(a.defaults)]);
    }
    for (const d of BUILTIN_DENSITIES) {
      const { integral } = validateDensity(d.expression);
      await t.query(
        `INSERT INTO density_function (slug, expression, label, description, integral, builtin) VALUES ($1,$2,$3,$4,$5,true)
         ON CONFLICT (slug) DO NOTHING`, [d.slug, d.expression, d.label, d.description, integral]);
    }
    for (const p of PUBLICATIONS) {
      await t.query(
        `INSERT INTO publication (slug, title, authors, venue, year, arxiv, citation, bibtex) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
         ON CONFLICT (slug) DO NOTHING`,
        [p.slug, p.title, p.authors, p.venue, p.year, p.arxiv, citationOf(p.key), p.bibtex]);
    }
    for (const a of BUILTIN_ATTACKS) {
      const params = resolveAttackParams(a.kind, {}).params;
      await t.query(
        `INSERT INTO attack_definition (slug, version, kind, name, description, params, publication_id)
         SELECT $1, 1, $2, $3, $4, $5, (SELECT id FROM publication WHERE slug = $6) ON CONFLICT (slug, version) DO NOTHING`,
        [a.slug, a.kind, a.name, a.description, JSON.stringify(params), a.publication]);
    }
    for (const d of BUILTIN_DEFENSES) {
      const params = resolveDefenseParams(d.kind, {}).params;
      await t.query(
        `INSERT INTO defense_definition (slug, version, kind, name, description, params) VALUES ($1, 1, $2, $3, $4, $5)
         ON CONFLICT (slug, version) DO NOTHING`, [d.slug, d.kind, d.name, d.description, JSON.stringify(params)]);
    }
    const rows = reportedRowsFromPaperResults(loadPaperResults());
    for (const r of rows) {
      await t.query(
        `INSERT INTO reported_result (publication_id, table_key, table_order, row_key, column_key, dataset, labels, algorithm, rate,
           density, attack_kind, successes, trials)
         SELECT id, $2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13 FROM publication WHERE slug = $1
         ON CONFLICT (publication_id, table_key, row_key, column_key) DO NOTHING`,
        [r.publication, r.tableKey, r.tableOrder, r.rowKey, r.columnKey, r.dataset, r.labels, r.algorithm, r.rate, r.density,
          r.attackKind, r.successes, r.trials]);
    }
  });
}

let paperCache: any;
export function loadPaperResults(): any {
  paperCache ??= JSON.parse(fs.readFileSync(PAPER_RESULTS_PATH, 'utf8'));
  return paperCache;
}
function citationOf(key: string): string {
  return String(loadPaperResults()[key]?.citation ?? key);
}

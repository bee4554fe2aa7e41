import type { ReproCell, ReproReport } from './repro';
import { wilsonInterval } from '../util/stats';

type Table = ReproReport['tables'][number];
type Trial = Table['trials'][number];

export function mdTable(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Consecutive seeds as ranges: 0,1,2,5 -> `0-2, 5`. */
export function seedRanges(seeds: number[]): string {
  const out: string[] = [];
  const sorted = [...new Set(seeds)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return out.join(', ');
}

const pct = (v: number) => `${(v * 100).toFixed(1).replace(/\.0$/, '')}`;

/** `k/n (lo-hi %)`: a rate with its n and its Wilson 95 % interval. */
export function rate(k: number, n: number): string {
  const w = wilsonInterval(k, n);
  return w ? `${k}/${n} (${pct(w.low)}-${pct(w.high)} %)` : `${k}/${n}`;
}

const cellText = (c: ReproCell | undefined) => (c ? rate(c.successes, c.trials) : '-');

/** The success table of one seed range, with the means and the per-trial records behind it. */
export function successSection(t: Table, rows: string[], label: string, cells: Record<string, Record<string, ReproCell>>, trials: Trial[]): string[] {
  const out: string[] = [];
  const seeds = [...new Set(rows.flatMap((row) => t.columns.map((c) => cells[row]?.[c]?.seeds).filter(Boolean)))];
  out.push(`Measured on the ${label}, successes/trials (Wilson 95 % interval); seeds ${seeds.join('; ')}:`);
  out.push('');
  out.push(mdTable([t.rowLabel, ...t.columns], rows.map((row) => [row, ...t.columns.map((c) => cellText(cells[row]?.[c]))])));
  out.push('');
  const measured = rows.flatMap((row) => t.columns.map((c) => ({ row, c, cell: cells[row]?.[c] }))).filter((x) => x.cell && x.cell.trials > 0);
  if (measured.length) {
    out.push(`Mean clean test accuracy of the final models: ${measured.map((x) => `${x.row}@${x.c} ${((x.cell!.meanCleanAccuracy ?? 0) * 100).toFixed(1)}%`).join('; ')}. Mean seconds per trial: ${measured.map((x) => `${x.row}@${x.c} ${x.cell!.meanSeconds}`).join('; ')}.`);
    out.push('');
  }
  // Derived from the per-trial records: how far the poisons' labels moved (the propagation of Figure 5).
  const share = (row: string, c: string) => {
    const runs = trials.filter((x) => x.row === row && x.column === c);
    return runs.length ? `${Math.round((runs.reduce((a, x) => a + x.poisonShareAtTarget, 0) / runs.length) * 100)}%` : '-';
  };
  if (trials.some((x) => x.poisonCount > 0)) {
    out.push('Mean share of the poisons that the final model classifies as y* (interpolation) or as the base class (feature collision):');
    out.push('');
    out.push(mdTable([t.rowLabel, ...t.columns], rows.map((row) => [row, ...t.columns.map((c) => share(row, c))])));
    out.push('');
  }
  const collisions = trials.filter((x) => x.attackMetrics?.featureDistanceEnd !== undefined);
  if (collisions.length) {
    // For the head to give t the base label the poison has to be nearer to f(t) than t's own class (necessary, not sufficient).
    out.push('Collision geometry per trial (squared feature distances to f(t)): the crafted poison at the end of Algorithm 1, and the nearest clean fine-tuning example of the target\'s own class (where recorded):');
    out.push('');
    const f3 = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(3));
    out.push(mdTable(['seed', 'class -> base', 'poison', 'nearest own-class example', 'success'], collisions.map((x) => [String(x.seed), `${x.targetClass} -> ${x.targetLabel}`, f3(x.attackMetrics.featureDistanceEnd), f3(x.attackMetrics.targetNearestOwnClassDistance), x.success ? 'YES' : 'no'])));
    out.push('');
  }
  out.push(`Per-trial records (seed: target test index, true class -> y*, prediction, success): ${trials.map((x) => `${x.row}@${x.column} s${x.seed}: #${x.targetIndex} ${x.targetClass}->${x.targetLabel} pred ${x.targetPrediction} ${x.success ? 'YES' : 'no'}`).join('; ')}.`);
  out.push('');
  return out;
}

const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);
const f3 = (v: number | null) => (v === null ? '-' : v.toFixed(3));

/**
 * One seed range of a defense table: per cell, detection quality (AUC, TPR at 1 % / 5 % FPR), what was removed, and
 * success and clean accuracy without and with the defense from the same trials, every count with its interval.
 */
export function defenseSection(t: Table, label: string, trials: Trial[]): string[] {
  const out: string[] = [];
  const groups = new Map<string, Trial[]>();
  for (const x of trials.filter((y) => y.defense)) groups.set(`${x.row}\u0000${x.column}`, [...(groups.get(`${x.row}\u0000${x.column}`) ?? []), x]);
  out.push(`Measured on the ${label}; each trial also ran its seed without the defense:`);
  out.push('');
  const rows = [...groups.values()].map((g) => {
    const d = g.map((x) => x.defense!);
    const sum = (f: (v: (typeof d)[number]) => number) => d.reduce((a, v) => a + f(v), 0);
    const without = d.filter((v) => v.undefendedSuccess !== null);
    const accWithout = mean(d.flatMap((v) => (v.undefendedCleanAccuracy === null ? [] : [v.undefendedCleanAccuracy])));
    const accWith = mean(g.map((x) => x.cleanAccuracy));
    const drop = accWithout === null || accWith === null ? '' : ` (${((accWith - accWithout) * 100).toFixed(1)} points)`;
    const extra = mean(d.map((v) => v.extraSeconds));
    const total = mean(g.map((x) => x.seconds));
    return [
      g[0].row, g[0].column, seedRanges(g.map((x) => x.seed)),
      f3(mean(d.flatMap((v) => (v.rocAuc === null ? [] : [v.rocAuc])))),
      `${f3(mean(d.flatMap((v) => (v.tprAt1Fpr === null ? [] : [v.tprAt1Fpr]))))} / ${f3(mean(d.flatMap((v) => (v.tprAt5Fpr === null ? [] : [v.tprAt5Fpr]))))}`,
      rate(sum((v) => v.removedPoisons), sum((v) => v.poisons)), rate(sum((v) => v.cleanRemoved), sum((v) => v.clean)),
      `${rate(without.filter((v) => v.undefendedSuccess).length, without.length)} -> ${rate(g.filter((x) => x.success).length, g.length)}`,
      `${accWithout === null ? '-' : (accWithout * 100).toFixed(1)} % -> ${accWith === null ? '-' : (accWith * 100).toFixed(1)} %${drop}`,
      `${extra === null ? '-' : extra.toFixed(0)} of ${total === null ? '-' : total.toFixed(0)}`,
    ];
  });
  out.push(mdTable([t.rowLabel, 'attack', 'seeds', 'mean ROC AUC', 'mean TPR at 1 % / 5 % FPR', 'poisons removed', 'clean removed', 'success without -> with', 'mean clean accuracy without -> with', 'defense s of trial s (mean)'], rows));
  out.push('');
  out.push(`Per-trial records (seed: AUC, removed poisons + clean, success without -> with, clean accuracy without -> with): ${trials.filter((x) => x.defense).map((x) => {
    const d = x.defense!;
    return `${x.row}@${x.column} s${x.seed}: AUC ${f3(d.rocAuc)}, ${d.removedPoisons}/${d.poisons} + ${d.cleanRemoved}/${d.clean}, ${d.undefendedSuccess ? 'YES' : 'no'} -> ${x.success ? 'YES' : 'no'}, ${d.undefendedCleanAccuracy === null ? '-' : (d.undefendedCleanAccuracy * 100).toFixed(1)} -> ${(x.cleanAccuracy * 100).toFixed(1)} %`;
  }).join('; ')}.`);
  out.push('');
  return out;
}

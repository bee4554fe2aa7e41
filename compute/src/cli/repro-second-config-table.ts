import { TrialConfig } from '../trial/trial.types';
import type { ReproTable } from './repro';

/**
 * Table (g): a second report configuration of the interpolation attack, on Fashion-MNIST instead of MNIST. Same mini
 * schedule, rate, density and source rule as table (a)'s top cell; only the dataset changes. Fashion-MNIST's classes
 * overlap more than MNIST's digits, so the victim is less sure of x* early on, closer to the paper's CIFAR-10 at 40
 * labels. The control row runs the same seeds (the same x* and y*) without poisons. `topLabel` is the top rate as
 * table (a) names its column; --cells names this table's one column `g:Fashion-MNIST <topLabel>`.
 */
export function secondConfigTable(interpolationTop: TrialConfig, control: TrialConfig, topLabel: string): ReproTable {
  const fashion = (c: TrialConfig): TrialConfig => ({ ...c, dataset: 'fashion-mnist' });
  const column = `Fashion-MNIST ${topLabel}`;
  const density = interpolationTop.density ?? '1';
  const rows = [`interpolation ${density}`, 'no poison (control)'];
  return {
    id: 'g', title: `(g) Second configuration: Fashion-MNIST (FixMatch, rate ${topLabel}, density ${density}, nearest source), against its no-poison control`,
    rowLabel: 'Attack', columns: [column], rows,
    cells: [
      { row: rows[0], column, config: fashion(interpolationTop) },
      { row: rows[1], column, config: fashion(control) },
    ],
    paper: null,
    notes: [
      'How this configuration was chosen: only the dataset differs from table (a)\'s top cell, with the same MLP and 3,000 steps. The search ran on development seeds 100-107 only (runTrial with these configs, outside this report); the report seeds above were run once, after the choice, and nothing was changed after seeing them.',
      'Development seeds 100-107, Fashion-MNIST 20 %: the attack 1/8 (2.2-47.1 %), its no-poison control 0/8 on the same seeds (x* and y*); the one success (seed 100, a T-shirt taken to trouser) is the attack\'s doing, since the control keeps it elsewhere. The victim labelled a median 44 % of the path y* at the end (31-100 %), against MNIST\'s path that is carried most of the way; clean accuracy 56-65 % (control 58-67 %).',
      'The other levers, same development seeds: MNIST at 20 % gave 0/2 (seeds 100-101); 2,000 unlabeled MNIST digits at 5 % (100 poisons) gave 0/2 with 61-73 % of the poisons at y*. Custom densities and mu = 7 with the CNN and strong augmentation were not tried: a CNN trial at mu = 7 does not fit the time of a report on 2 cores. No lever did clearly better than table (a)\'s setting on the development seeds; Fashion-MNIST is kept because it is the only one that moved a target, and its lower confidence on x* is nearer the paper\'s CIFAR-10 at 40 labels.',
      'Influence on these development trials (detect mode, the same runs): mean AUC 0.500 (0.315-0.797, n = 8), no better than on MNIST; see table (f)\'s notes for where the signature breaks.',
    ],
  };
}

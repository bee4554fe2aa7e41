import { ParamSchema } from '../../common/params';
import { DefenseKind } from './defense.entity';

/** Parameters each defense kind accepts (unknown keys are refused). */
export const DEFENSE_PARAM_SCHEMAS: Record<DefenseKind, ParamSchema> = {
  [DefenseKind.NONE]: {},
  [DefenseKind.PIXEL_CLUSTERING]: {
    linkage: { type: 'enum', values: ['single', 'average', 'complete'], default: 'single' },
    drop: { type: 'enum', values: ['largest-cluster', 'collinear-triples'], default: 'collinear-triples' },
  },
  // Training defenses: compute owns the defaults (TRAINING_DYNAMICS_DEFAULTS; deep k-NN's k = 2 x the expected
  // poisons, which depends on the trial), so an omitted key stays omitted.
  [DefenseKind.TRAINING_DYNAMICS]: {
    mode: { type: 'enum', values: ['detect', 'remove'] },
    neighbours: { type: 'integer', min: 1, max: 100 },
    rule: { type: 'enum', values: ['median-ratio', 'lowest-fraction'] },
    ratio: { type: 'number', min: 0, max: 1, exclusiveMin: true },
    fraction: { type: 'number', min: 0, max: 1 },
  },
  [DefenseKind.DEEP_KNN]: {
    k: { type: 'integer', min: 1, max: 10000 },
    expectedPoisons: { type: 'integer', min: 1, max: 100000 },
  },
  [DefenseKind.EXTERNAL_SCORES]: {
    threshold: { type: 'number', min: 0, max: 1, default: 0.5 },
  },
};

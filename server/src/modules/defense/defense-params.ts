import { ParamSchema } from '../../common/params';
import { DefenseKind } from './defense.entity';

/** Parameters each defense kind accepts (unknown keys are refused). */
export const DEFENSE_PARAM_SCHEMAS: Record<DefenseKind, ParamSchema> = {
  [DefenseKind.NONE]: {},
  [DefenseKind.PIXEL_CLUSTERING]: {
    linkage: { type: 'enum', values: ['single', 'average', 'complete'], default: 'single' },
    drop: { type: 'enum', values: ['largest-cluster', 'collinear-triples'], default: 'collinear-triples' },
  },
  [DefenseKind.TRAINING_DYNAMICS]: {
    neighbours: { type: 'integer', min: 1, max: 50, default: 5 },
    dropFraction: { type: 'number', min: 0, max: 1, default: 0.01 },
  },
  [DefenseKind.DEEP_KNN]: {
    k: { type: 'integer', min: 1, max: 100, default: 10 },
  },
  [DefenseKind.EXTERNAL_SCORES]: {
    threshold: { type: 'number', min: 0, max: 1, default: 0.5 },
  },
};

import { ParamSchema } from '../../common/params';
import { AttackKind } from './attack.entity';

const featureCollision: ParamSchema = {
  setting: { type: 'enum', values: ['transfer', 'end-to-end'], default: 'transfer' },
  steps: { type: 'integer', min: 1, max: 10000, default: 200 },
  learningRate: { type: 'number', min: 0, exclusiveMin: true, max: 100, default: 0.01 },
  // beta is scaled by feature and input dimension inside compute (Shafahi 2018, Sec. 3)
  beta: { type: 'number', min: 0, max: 1000, default: 0.25 },
  poisons: { type: 'integer', min: 1, max: 100, default: 1 },
};

/** Parameters each attack kind accepts (unknown keys are refused). */
export const ATTACK_PARAM_SCHEMAS: Record<AttackKind, ParamSchema> = {
  [AttackKind.INTERPOLATION]: {
    path: { type: 'enum', values: ['linear'], default: 'linear' },
  },
  [AttackKind.ZERO_KNOWLEDGE_INTERPOLATION]: {
    path: { type: 'enum', values: ['linear'], default: 'linear' },
    bridgeTargets: { type: 'integer', min: 0, max: 64, default: 4 },
  },
  [AttackKind.FEATURE_COLLISION]: featureCollision,
  [AttackKind.WATERMARK]: {
    opacity: { type: 'number', min: 0, max: 1, default: 0.3 },
    poisons: { type: 'integer', min: 1, max: 100, default: 1 },
  },
  [AttackKind.FEATURE_COLLISION_WATERMARK]: {
    ...featureCollision,
    opacity: { type: 'number', min: 0, max: 1, default: 0.3 },
  },
};

/** Attack kinds whose poisons are spaced by a density (the DENSITY dimension only applies to these). */
export const DENSITY_KINDS = new Set<string>([AttackKind.INTERPOLATION, AttackKind.ZERO_KNOWLEDGE_INTERPOLATION]);

/** Attack kinds and their parameters as the form presents them (the API validates every value). */
export interface ParamField { name: string; label: string; hint: string; default: string; step?: string; options?: string[] }
export interface AttackKindSpec { value: string; enumValue: AttackKindEnum; label: string; summary: string; usesDensity: boolean; fields: ParamField[] }
type AttackKindEnum = 'INTERPOLATION' | 'ZERO_KNOWLEDGE_INTERPOLATION' | 'FEATURE_COLLISION' | 'WATERMARK' | 'FEATURE_COLLISION_WATERMARK';

const path: ParamField = { name: 'path', label: 'Path', hint: 'How poisons move from the source to the target.', default: 'linear', options: ['linear'] };
const fc: ParamField[] = [
  { name: 'setting', label: 'Setting', hint: 'transfer: retrain the last layer; end-to-end: retrain the whole network.', default: 'transfer', options: ['transfer', 'end-to-end'] },
  { name: 'steps', label: 'Steps', hint: 'Forward-backward iterations of Algorithm 1.', default: '200', step: '1' },
  { name: 'learningRate', label: 'Learning rate λ', hint: 'Forward step size (> 0).', default: '0.01', step: 'any' },
  { name: 'beta', label: 'β', hint: 'Proximal weight, scaled by feature and input dimension.', default: '0.25', step: 'any' },
  { name: 'poisons', label: 'Poisons', hint: 'Number of poisons (bases).', default: '1', step: '1' },
];
const opacity: ParamField = { name: 'opacity', label: 'Watermark opacity γ', hint: 'b ← γ·t + (1−γ)·b, between 0 and 1.', default: '0.3', step: 'any' };

export const ATTACK_KINDS: AttackKindSpec[] = [
  { value: 'interpolation', enumValue: 'INTERPOLATION', label: 'Interpolation (Carlini 2021)', summary: 'Poisons on the path from a labeled source of class y* to the target.', usesDensity: true, fields: [path] },
  {
    value: 'zero-knowledge-interpolation', enumValue: 'ZERO_KNOWLEDGE_INTERPOLATION', label: 'Zero-knowledge interpolation',
    summary: 'The source is an unlabeled example; bridges to extra targets.', usesDensity: true,
    fields: [path, { name: 'bridgeTargets', label: 'Bridge targets', hint: 'Extra targets bridged along the path (0–64).', default: '4', step: '1' }],
  },
  { value: 'feature-collision', enumValue: 'FEATURE_COLLISION', label: 'Feature collision (Poison Frogs)', summary: 'Collide with the target in feature space, stay near the base in input space.', usesDensity: false, fields: fc },
  { value: 'watermark', enumValue: 'WATERMARK', label: 'Watermark', summary: 'Blend the target into base images.', usesDensity: false, fields: [opacity, { name: 'poisons', label: 'Poisons', hint: 'Number of poisons.', default: '1', step: '1' }] },
  { value: 'feature-collision-watermark', enumValue: 'FEATURE_COLLISION_WATERMARK', label: 'Feature collision + watermark', summary: 'Poison Frogs starting from a watermarked base.', usesDensity: false, fields: [...fc, opacity] },
];

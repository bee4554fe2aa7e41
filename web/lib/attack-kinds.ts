/** Attack kinds and their parameters as the form presents them (the API validates the values). */
export interface ParamField { name: string; label: string; hint: string; default: string; step?: string }
export interface AttackKindSpec { value: string; enumValue: AttackKindEnum; label: string; summary: string; fields: ParamField[] }
type AttackKindEnum = 'INTERPOLATION' | 'ZERO_KNOWLEDGE_INTERPOLATION' | 'FEATURE_COLLISION' | 'WATERMARK' | 'FEATURE_COLLISION_WATERMARK';

const density: ParamField = { name: 'density', label: 'Density', hint: 'Spacing of the poisons between source (0) and target (1).', default: '1.5-x' };
const fc: ParamField[] = [
  { name: 'beta0', label: 'β₀', hint: 'Proximal weight before scaling by feature and input dimension.', default: '0.25', step: 'any' },
  { name: 'learningRate', label: 'Learning rate λ', hint: 'Forward step size.', default: '0.05', step: 'any' },
  { name: 'iterations', label: 'Iterations', hint: 'Forward-backward steps.', default: '300', step: '1' },
];

export const ATTACK_KINDS: AttackKindSpec[] = [
  { value: 'interpolation', enumValue: 'INTERPOLATION', label: 'Interpolation (Carlini 2021)', summary: 'Poisons on the path from a labeled source of class y* to the target.', fields: [density] },
  {
    value: 'zero-knowledge-interpolation', enumValue: 'ZERO_KNOWLEDGE_INTERPOLATION', label: 'Zero-knowledge interpolation',
    summary: 'The source is an unlabeled example; bridges to extra targets.',
    fields: [density, { name: 'bridges', label: 'Bridges', hint: 'Extra targets bridged along the path.', default: '2', step: '1' }],
  },
  { value: 'feature-collision', enumValue: 'FEATURE_COLLISION', label: 'Feature collision (Poison Frogs)', summary: 'Collide with the target in feature space, stay near the base in input space.', fields: fc },
  { value: 'watermark', enumValue: 'WATERMARK', label: 'Watermark', summary: 'Blend the target into the base image: b ← γ·t + (1−γ)·b.', fields: [{ name: 'gamma', label: 'Opacity γ', hint: 'Between 0 and 1.', default: '0.3', step: 'any' }] },
  {
    value: 'feature-collision-watermark', enumValue: 'FEATURE_COLLISION_WATERMARK', label: 'Feature collision + watermark', summary: 'Poison Frogs starting from a watermarked base.',
    fields: [...fc, { name: 'watermark', label: 'Watermark opacity γ', hint: 'Between 0 and 1.', default: '0.3', step: 'any' }],
  },
];

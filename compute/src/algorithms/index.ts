import { Algorithm, AlgorithmName } from './algorithm.types';
import { supervised } from './supervised.algorithm';
import { fixmatch, pseudoLabel } from './fixmatch.algorithm';
import { mixmatch } from './mixmatch.algorithm';
import { uda } from './uda.algorithm';

export * from './algorithm.types';
export * from './losses';
export { supervised, fixmatch, pseudoLabel, mixmatch, uda };

const REGISTRY: Record<AlgorithmName, Algorithm> = {
  supervised, 'pseudo-label': pseudoLabel, fixmatch, mixmatch, uda,
};

/** Looks an algorithm up by name; throws a BAD_USER_INPUT error for unknown names. */
export function getAlgorithm(name: string): Algorithm {
  const a = REGISTRY[name as AlgorithmName];
  if (!a) throw Object.assign(new Error(`unknown algorithm "${name}" (expected ${Object.keys(REGISTRY).join(', ')})`), { code: 'BAD_USER_INPUT' });
  return a;
}

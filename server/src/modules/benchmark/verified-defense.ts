import { ContractError, DEFENSE_KINDS, resolveDefenseParams, resolveTrialConfig } from '@frogpond/compute/contract';
import { verifiedRunDefenseKinds } from '@frogpond/compute/defenses';
import { badInput } from '../../common/errors';
import { contractFieldErrors, fieldErrors } from '../contract/contract-errors';
import type { Benchmark } from './benchmark.entity';
import type { VerifiedDefense } from './submission.entity';

/** A contract path inside a trial config or a defense part, as the verified-run input names it (`defense`, `params.x`). */
const inputField = (path: string) => path.replace(/^defense\./, '').replace(/^kind$/, 'defense');

/**
 * The defense of a verified run, resolved by the trial contract (every default filled, unknown keys and out-of-range
 * values refused) and checked against the benchmark's trial configuration, before anything is written. Refusals are
 * BAD_USER_INPUT with `extensions.field` `defense` or `params.<name>`.
 */
export function verifiedDefense(b: Benchmark, kind: unknown, params: unknown): VerifiedDefense {
  const allowed = verifiedRunDefenseKinds();
  if (typeof kind !== 'string' || !(DEFENSE_KINDS as readonly string[]).includes(kind)) {
    throw badInput(`unknown defense kind ${JSON.stringify(String(kind).slice(0, 60))}; a verified run names one of ${allowed.join(', ')}`, { field: 'defense' });
  }
  if (kind === 'external-scores') {
    throw badInput(`external-scores is how a score file is retrained: upload the file (submitDefenseScores, frogpond submit --scores); a verified run names one of ${allowed.join(', ')}`, { field: 'defense' });
  }
  if (!allowed.includes(kind)) {
    throw badInput(`${kind} cannot be submitted as a verified run (the no-defense baseline is on every board); choose one of ${allowed.join(', ')}`, { field: 'defense' });
  }
  if (params != null && (typeof params !== 'object' || Array.isArray(params))) throw badInput('params must be an object of the defense\'s parameters', { field: 'params' });
  try {
    const defense = resolveDefenseParams(kind, params ?? {}, 'params');
    // The benchmark's attack may not take every defense (e.g. feature collision): the whole trial must resolve.
    resolveTrialConfig({ ...b.config, defense });
    return { kind: defense.kind, params: defense.params as Record<string, unknown> };
  } catch (e) {
    if (!(e instanceof ContractError)) throw e;
    throw fieldErrors(contractFieldErrors(e, '').map((f) => ({ ...f, field: inputField(f.field) })));
  }
}

'use client';

import { useActionState, useState } from 'react';
import { submitDefenseAction } from './actions';
import { Field, invalid } from '@/components/field';
import { KindParamsFields } from '@/components/param-fields';
import type { ContractParam } from '@/lib/contract-params';
import type { FormState } from '@/lib/form-errors';
import { useFieldErrors } from '@/lib/use-field-errors';
import { submitWithoutReset } from '@/lib/use-form-action';

/** A defense kind a verified run may name (GraphQL Benchmark.verifiedRunDefenses, from the trial contract). */
export interface VerifiedDefenseOption { kind: string; description: string; parameters: ContractParam[] }

const str = (v: string | string[] | undefined, d = '') => (Array.isArray(v) ? v[0] : v) ?? d;

/** Two modes: a score file the team computed, or a verified run of a built-in defense with the contract's parameters. */
export function SubmitForm({ benchmark, replicateIds, defenses }: { benchmark: string; replicateIds: string[]; defenses: VerifiedDefenseOption[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(submitDefenseAction, { errors: {}, values: {} });
  const v = state.values;
  const { errors: e, onChange } = useFieldErrors(state.errors);
  const [mode, setMode] = useState(str(v.mode, 'scores'));
  const [kind, setKind] = useState(str(v.defense, defenses[0]?.kind ?? ''));
  const spec = defenses.find((d) => d.kind === kind) ?? defenses[0];
  const verified = mode === 'verified';
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} onChange={onChange} className="stack" noValidate>
      {e._form ? <div className="alert error" role="alert" data-testid="form-error">{e._form}</div> : null}
      <input type="hidden" name="benchmark" value={benchmark} />
      <fieldset>
        <legend>What to submit</legend>
        <div className="choices">
        <label>
          <input type="radio" name="mode" value="scores" checked={!verified} onChange={() => setMode('scores')} />
          Score file: suspicion scores you computed; the server retrains on what your removal leaves
        </label>
        <label>
          <input type="radio" name="mode" value="verified" checked={verified} onChange={() => setMode('verified')} disabled={!defenses.length} />
          Verified run: the server&apos;s workers run a registered defense on every test replicate
        </label>
        </div>
      </fieldset>
      <Field id="label" label="Defense name" hint={verified ? 'How it appears on the board (default: the defense kind).' : 'How it appears on the board.'} error={e.label}>
        <input id="label" name="label" type="text" maxLength={100} required={!verified} defaultValue={str(v.label)} {...invalid('label', e.label, true)} />
      </Field>
      {verified && spec ? (
        <>
          <KindParamsFields id="defense" label="Defense" kinds={defenses.map((d) => d.kind)} kind={spec.kind} onKind={setKind} hint={spec.description}
            params={spec.parameters} values={v} errors={e} noun="defense" />
        </>
      ) : (
        <>
          <Field id="scoreFile" label="Score file" error={e.scoreFile}
            hint={`.npy: float array (${replicateIds.length}, examples), rows ${replicateIds[0]}…${replicateIds[replicateIds.length - 1]}; .json: {"replicates": {"${replicateIds[0]}": {"scores": [...], "removed": [...]}}}; .csv: replicate,index,score[,removed]. Higher score = more suspicious.`}>
            <input id="scoreFile" name="scoreFile" type="file" accept=".npy,.json,.csv" required {...invalid('scoreFile', e.scoreFile, true)} />
          </Field>
          <Field id="removalFraction" label="Removal fraction" error={e.removalFraction}
            hint="Share of each unlabeled set removed before retraining, highest scores first. Leave empty when the file lists removed indices.">
            <input id="removalFraction" name="removalFraction" type="number" min={0} max={1} step="any" defaultValue={str(v.removalFraction)} {...invalid('removalFraction', e.removalFraction, true)} />
          </Field>
        </>
      )}
      <div><button type="submit" disabled={pending}>{pending ? 'Submitting…' : 'Submit'}</button></div>
    </form>
  );
}

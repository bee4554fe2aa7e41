'use client';

import { useActionState } from 'react';
import { submitScoresAction } from './actions';
import { Field, invalid } from '@/components/field';
import type { FormState } from '@/lib/form-errors';
import { submitWithoutReset } from '@/lib/use-form-action';

const str = (v: string | string[] | undefined, d = '') => (Array.isArray(v) ? v[0] : v) ?? d;

export function SubmitForm({ benchmark, replicateIds }: { benchmark: string; replicateIds: string[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(submitScoresAction, { errors: {}, values: {} });
  const v = state.values;
  const e = state.errors;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="stack" noValidate>
      {e._form ? <div className="alert error" role="alert" data-testid="form-error">{e._form}</div> : null}
      <input type="hidden" name="benchmark" value={benchmark} />
      <Field id="label" label="Defense name" hint="How it appears on the board." error={e.label}>
        <input id="label" name="label" type="text" maxLength={100} required defaultValue={str(v.label)} {...invalid('label', e.label, true)} />
      </Field>
      <Field id="scoreFile" label="Score file" error={e.scoreFile}
        hint={`.npy: float array (${replicateIds.length}, examples), rows ${replicateIds[0]}…${replicateIds[replicateIds.length - 1]}; .json: {"replicates": {"${replicateIds[0]}": {"scores": [...], "removed": [...]}}}; .csv: replicate,index,score[,removed]. Higher score = more suspicious.`}>
        <input id="scoreFile" name="scoreFile" type="file" accept=".npy,.json,.csv" required {...invalid('scoreFile', e.scoreFile, true)} />
      </Field>
      <Field id="removalFraction" label="Removal fraction" error={e.removalFraction}
        hint="Share of each unlabeled set removed before retraining, highest scores first. Leave empty when the file lists removed indices.">
        <input id="removalFraction" name="removalFraction" type="number" min={0} max={1} step="any" defaultValue={str(v.removalFraction)} {...invalid('removalFraction', e.removalFraction, true)} />
      </Field>
      <div><button type="submit" disabled={pending}>{pending ? 'Submitting…' : 'Submit'}</button></div>
    </form>
  );
}

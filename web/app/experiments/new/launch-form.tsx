'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { launchExperimentAction, previewExperimentAction, type PreviewState } from './actions';
import { Field, invalid } from '@/components/field';
import { ParamFields } from '@/components/param-fields';
import type { FormState } from '@/lib/form-errors';
import { plural, type ContractParam } from '@/lib/contract-params';
import { useFieldErrors } from '@/lib/use-field-errors';
import { submitWithoutReset } from '@/lib/use-form-action';

export interface Option { value: string; label: string }
export interface LaunchOptions {
  defaultAttack?: string; datasets: Option[]; algorithms: Option[]; densities: Option[]; attacks: Option[]; defenses: Option[];
  /** Training overrides of the trial contract (GraphQL trialContract.overrides). */
  overrides: ContractParam[];
}

const arr = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
const str = (v: string | string[] | undefined, d = '') => (Array.isArray(v) ? v[0] : v) ?? d;
/** The preferred option when present, else the first one (empty string when there is none). */
const preferred = (opts: Option[], value: string | undefined) => (opts.find((o) => o.value === value) ?? opts[0])?.value ?? '';

function Choices({ name, legend, options, chosen, onChange, error, hint }: {
  name: string; legend: string; options: Option[]; chosen: string[]; onChange: (v: string[]) => void; error?: string; hint?: string;
}) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {options.length === 0 ? <span className="muted small">none available</span> : null}
      <div className="choices">
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" name={name} value={o.value} checked={chosen.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))} />
            {o.label}
          </label>
        ))}
      </div>
      {hint ? <span className="hint">{hint}</span> : null}
      {error ? <div className="error" id={`${name}-error`} role="alert">{error}</div> : null}
    </fieldset>
  );
}

/**
 * Matrix builder: shows how many trials the matrix expands into before it is submitted, as the API counts them
 * (previewExperiment runs the same validation and expansion as createExperiment).
 */
export function LaunchForm({ options, organizationId, initial = {} }: { options: LaunchOptions; organizationId: string; initial?: FormState['values'] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(launchExperimentAction, { errors: {}, values: initial });
  const v = state.values;
  const { errors: e, onChange } = useFieldErrors(state.errors);
  const form = useRef<HTMLFormElement>(null);
  const [edits, setEdits] = useState(0);
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [datasets, setDatasets] = useState<string[]>(arr(v.datasets) ?? [preferred(options.datasets, 'moons')].filter(Boolean));
  const [algorithms, setAlgorithms] = useState<string[]>(arr(v.algorithms) ?? options.algorithms.slice(0, 1).map((o) => o.value));
  const [densities, setDensities] = useState<string[]>(arr(v.densities) ?? []);
  const [attacks, setAttacks] = useState<string[]>(arr(v.attacks) ?? [preferred(options.attacks, options.defaultAttack)].filter(Boolean));
  const [defenses, setDefenses] = useState<string[]>(arr(v.defenses) ?? []);
  const [labels, setLabels] = useState(str(v.labels, '10'));
  const [rates, setRates] = useState(str(v.rates, '5'));
  const [perCell, setPerCell] = useState(str(v.trialsPerCell, '2'));
  // Ask the API for the count a moment after the last edit; a stale answer is dropped.
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      if (!form.current) return;
      void previewExperimentAction(new FormData(form.current)).then((p) => { if (live) setPreview(p); }, () => { if (live) setPreview(null); });
    }, 350);
    return () => { live = false; clearTimeout(t); };
  }, [edits, datasets, algorithms, densities, attacks, defenses]);
  const total = preview?.trialCount;
  const over = total !== undefined && preview?.maxTrials !== undefined && total > preview.maxTrials;
  const refused = preview ? Object.entries(preview.errors) : [];
  return (
    <form ref={form} action={action} onSubmit={submitWithoutReset(action)} onChange={(ev) => { onChange(ev); setEdits((n) => n + 1); }}
      className="stack" style={{ maxWidth: 820 }}>
      {e._form ? <div className="alert error" role="alert" data-testid="form-error">{e._form}</div> : null}
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="row">
        <div className="grow"><Field id="name" label="Name" error={e.name}><input id="name" name="name" type="text" required defaultValue={str(v.name)} {...invalid('name', e.name)} /></Field></div>
        <Field id="preset" label="Scale preset" error={e.preset}>
          <select id="preset" name="preset" defaultValue={str(v.preset, 'toy')} {...invalid('preset', e.preset)}>
            <option value="toy">toy (2-D, seconds)</option><option value="mini">mini (small images, ~1 min/trial)</option><option value="paper">paper (GPU workers)</option>
          </select>
        </Field>
        <Field id="visibility" label="Visibility" error={e.visibility}>
          <select id="visibility" name="visibility" defaultValue={str(v.visibility, 'PUBLIC')}><option value="PUBLIC">public</option><option value="PRIVATE">private to my organization</option></select>
        </Field>
      </div>
      <Choices name="datasets" legend="Datasets" options={options.datasets} chosen={datasets} onChange={setDatasets} error={e.datasets} />
      <Choices name="algorithms" legend="Algorithms" options={options.algorithms} chosen={algorithms} onChange={setAlgorithms} error={e.algorithms} />
      <Choices name="attacks" legend="Attacks" options={options.attacks} chosen={attacks} onChange={setAttacks} error={e.attacks} />
      <Choices name="densities" legend="Densities" options={options.densities} chosen={densities} onChange={setDensities} error={e.densities} hint="None chosen: uniform. Densities apply to interpolation attacks only." />
      <Choices name="defenses" legend="Defenses" options={options.defenses} chosen={defenses} onChange={setDefenses} error={e.defenses} hint="None chosen: no defense." />
      <div className="row">
        <Field id="labels" label="Label budgets" hint="Comma separated, e.g. 40, 250" error={e.labels}>
          <input id="labels" name="labels" type="text" value={labels} onChange={(ev) => setLabels(ev.target.value)} {...invalid('labels', e.labels, true)} />
        </Field>
        <Field id="rates" label="Poison rates (%)" hint="Comma separated, e.g. 0.1, 0.5" error={e.rates}>
          <input id="rates" name="rates" type="text" value={rates} onChange={(ev) => setRates(ev.target.value)} {...invalid('rates', e.rates, true)} />
        </Field>
        <Field id="trialsPerCell" label="Trials per cell" error={e.trialsPerCell}>
          <input id="trialsPerCell" name="trialsPerCell" type="number" min={1} value={perCell} onChange={(ev) => setPerCell(ev.target.value)} style={{ width: 90 }} {...invalid('trialsPerCell', e.trialsPerCell)} />
        </Field>
        <Field id="seedBase" label="Seed base" hint="Empty: chosen by the API" error={e.seedBase}>
          <input id="seedBase" name="seedBase" type="number" defaultValue={str(v.seedBase)} style={{ width: 120 }} {...invalid('seedBase', e.seedBase, true)} />
        </Field>
      </div>
      <fieldset>
        <legend>Training overrides</legend>
        <p className="hint" style={{ marginTop: 0 }}>On top of the preset&apos;s schedule; leave a field empty to keep the preset&apos;s value.</p>
        <ParamFields params={options.overrides.filter((p) => p.type !== 'object')} prefix="override:" values={v} errors={e} />
        <details>
          <summary>Model, algorithm, augmentation and toy data (JSON)</summary>
          <ParamFields params={options.overrides.filter((p) => p.type === 'object')} prefix="override:" values={v} errors={e} />
        </details>
      </fieldset>
      <div className={over || refused.length ? 'alert error' : 'alert info'} aria-live="polite" data-testid="trial-count">
        {total !== undefined ? (
          <>This matrix expands into <strong>{plural(total, 'trial')}</strong>
            {over ? ` — over the cap of ${plural(preview!.maxTrials!, 'trial')}; the API will refuse it.` : '.'}</>
        ) : refused.length ? (
          <>The API would refuse this matrix:<ul>{refused.map(([k, m]) => <li key={k}>{k === '_form' ? m : `${k.replace(/^override:/, 'override ')}: ${m}`}</li>)}</ul></>
        ) : 'Counting trials…'}
      </div>
      <div><button type="submit" disabled={pending || over || total === 0}>{pending ? 'Launching…' : total !== undefined ? `Launch ${plural(total, 'trial')}` : 'Launch'}</button></div>
    </form>
  );
}

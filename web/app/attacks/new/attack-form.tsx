'use client';

import { useActionState, useState } from 'react';
import { createAttackAction } from './actions';
import { Field, invalid } from '@/components/field';
import { KindParamsFields } from '@/components/param-fields';
import type { ContractParam } from '@/lib/contract-params';
import { useFieldErrors } from '@/lib/use-field-errors';
import { LiveDensity } from '@/components/live-density';
import { DensityPlot } from '@/components/density-plot';
import type { FormState } from '@/lib/form-errors';
import { submitWithoutReset } from '@/lib/use-form-action';

export interface DensityOption { slug: string; label: string; expression: string; samples: number[] | null }
/** An attack kind of the trial contract (GraphQL trialContract.attacks). */
export interface AttackKindOption { kind: string; enumName: string; description: string; parameters: ContractParam[] }

const str = (v: string | string[] | undefined, d = '') => (Array.isArray(v) ? v[0] : v) ?? d;

export function AttackForm({ densities, kinds, densityKinds, organizationId }: {
  densities: DensityOption[]; kinds: AttackKindOption[]; densityKinds: string[]; organizationId: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(createAttackAction, { errors: {}, values: {} });
  const v = state.values;
  const { errors: e, onChange } = useFieldErrors(state.errors, { densityExpression: ['density'], densityChoice: ['density'] });
  const [kind, setKind] = useState(str(v.kind, 'interpolation'));
  const [choice, setChoice] = useState(str(v.densityChoice, (densities.find((d) => d.slug === 'one-point-five-minus-x') ?? densities[0])?.slug ?? 'custom'));
  const [expr, setExpr] = useState(str(v.densityExpression, ''));
  const spec = kinds.find((k) => k.kind === kind) ?? kinds[0];
  const usesDensity = densityKinds.includes(spec.kind);
  const chosen = densities.find((d) => d.slug === choice);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} onChange={onChange} className="stack" noValidate>
      {e._form ? <div className="alert error" role="alert" data-testid="form-error">{e._form}</div> : null}
      <input type="hidden" name="organizationId" value={organizationId} />
      <Field id="name" label="Name" error={e.name}>
        <input id="name" name="name" type="text" required defaultValue={str(v.name)} {...invalid('name', e.name)} />
      </Field>
      <Field id="slug" label="Slug" hint="Lower-case letters, digits and dashes. Saving an existing slug of yours makes its next version." error={e.slug}>
        <input id="slug" name="slug" type="text" required defaultValue={str(v.slug)} {...invalid('slug', e.slug, true)} />
      </Field>
      <KindParamsFields id="kind" label="Kind" kinds={kinds.map((k) => k.kind)} kind={kind} onKind={setKind} hint={spec.description}
        params={spec.parameters} values={v} errors={e} noun="kind" />
      {usesDensity ? (
        <fieldset>
          <legend>Density of the poisons along the path</legend>
          <p className="hint" style={{ marginTop: 0 }}>
            Densities are a dimension of experiments. Pick one from the catalogue to see it, or type your own: the API checks it and
            saves it to your organization&apos;s catalogue, ready for the launch form.
          </p>
          <div className="row">
            <div className="grow" style={{ display: 'grid', gap: 10 }}>
              <Field id="densityChoice" label="Density" error={choice === 'custom' ? undefined : e.density}>
                <select id="densityChoice" name="densityChoice" value={choice} onChange={(ev) => setChoice(ev.target.value)}>
                  {densities.map((d) => <option key={d.slug} value={d.slug}>{d.label} ({d.slug})</option>)}
                  <option value="custom">Custom expression…</option>
                </select>
              </Field>
              {choice === 'custom' ? (
                <>
                  <Field id="densityExpression" label="Density expression" hint="In x on [0, 1]: numbers, + − * / ^, ( ), sqrt exp log abs min max phi. At most 200 characters." error={e.density}>
                    <input id="densityExpression" name="densityExpression" type="text" value={expr} onChange={(ev) => setExpr(ev.target.value)} className="mono" {...invalid('densityExpression', e.density, true)} />
                  </Field>
                  <Field id="densitySlug" label="Density slug (optional)" hint="Default: the attack's slug followed by -density." error={e.densitySlug}>
                    <input id="densitySlug" name="densitySlug" type="text" defaultValue={str(v.densitySlug)} {...invalid('densitySlug', e.densitySlug, true)} />
                  </Field>
                </>
              ) : null}
            </div>
            <div>
              {choice === 'custom' ? <LiveDensity expression={expr} /> : chosen?.samples ? <DensityPlot samples={chosen.samples} label={chosen.label} width={260} /> : null}
            </div>
          </div>
        </fieldset>
      ) : null}
      <Field id="description" label="Description (optional)" error={e.description}>
        <textarea id="description" name="description" rows={3} defaultValue={str(v.description)} />
      </Field>
      <div><button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save attack'}</button></div>
    </form>
  );
}

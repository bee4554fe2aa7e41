'use client';

import { useActionState, useState } from 'react';
import { createAttackAction } from './actions';
import { ATTACK_KINDS } from '@/lib/attack-kinds';
import { Field, invalid } from '@/components/field';
import { LiveDensity } from '@/components/live-density';
import { DensityPlot } from '@/components/density-plot';
import type { FormState } from '@/lib/form-errors';
import { submitWithoutReset } from '@/lib/use-form-action';

export interface DensityOption { slug: string; label: string; expression: string; samples: number[] | null }

const str = (v: string | string[] | undefined, d = '') => (Array.isArray(v) ? v[0] : v) ?? d;

export function AttackForm({ densities, organizationId }: { densities: DensityOption[]; organizationId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createAttackAction, { errors: {}, values: {} });
  const v = state.values;
  const e = state.errors;
  const [kind, setKind] = useState(str(v.kind, 'interpolation'));
  const [choice, setChoice] = useState(str(v.densityChoice, (densities.find((d) => d.slug === 'one-point-five-minus-x') ?? densities[0])?.slug ?? 'custom'));
  const [expr, setExpr] = useState(str(v.densityExpression, ''));
  const spec = ATTACK_KINDS.find((k) => k.value === kind) ?? ATTACK_KINDS[0];
  const chosen = densities.find((d) => d.slug === choice);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="stack" noValidate>
      {e._form ? <div className="alert error" role="alert" data-testid="form-error">{e._form}</div> : null}
      <input type="hidden" name="organizationId" value={organizationId} />
      <Field id="name" label="Name" error={e.name}>
        <input id="name" name="name" type="text" required defaultValue={str(v.name)} {...invalid('name', e.name)} />
      </Field>
      <Field id="slug" label="Slug" hint="Lower-case letters, digits and dashes. Saving an existing slug of yours makes its next version." error={e.slug}>
        <input id="slug" name="slug" type="text" required defaultValue={str(v.slug)} {...invalid('slug', e.slug, true)} />
      </Field>
      <Field id="kind" label="Kind" hint={spec.summary} error={e.kind}>
        <select id="kind" name="kind" value={kind} onChange={(ev) => setKind(ev.target.value)} {...invalid('kind', e.kind, true)}>
          {ATTACK_KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
        </select>
      </Field>
      <fieldset>
        <legend>Parameters of {spec.label}</legend>
        <div style={{ display: 'grid', gap: 12 }}>
          {spec.fields.map((f) => (
            <Field key={`${kind}-${f.name}`} id={f.name} label={f.label} hint={f.hint} error={e[f.name]}>
              {f.options ? (
                <select id={f.name} name={f.name} defaultValue={str(v[f.name], f.default)} {...invalid(f.name, e[f.name], true)}>
                  {f.options.map((o) => <option key={o} value={o}>{o}</option>)}
                </select>
              ) : (
                <input id={f.name} name={f.name} type="number" step={f.step ?? 'any'} defaultValue={str(v[f.name], f.default)} {...invalid(f.name, e[f.name], true)} />
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      {spec.usesDensity ? (
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

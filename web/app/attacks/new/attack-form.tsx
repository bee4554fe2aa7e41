'use client';

import { useActionState, useState } from 'react';
import { createAttackAction } from './actions';
import { ATTACK_KINDS } from '@/lib/attack-kinds';
import { Field, invalid } from '@/components/field';
import { LiveDensity } from '@/components/live-density';
import { DensityPlot } from '@/components/density-plot';
import type { FormState } from '@/lib/form-errors';

export interface DensityOption { slug: string; label: string; expression: string; samples: number[] | null }

const str = (v: string | string[] | undefined, d = '') => (Array.isArray(v) ? v[0] : v) ?? d;

export function AttackForm({ densities }: { densities: DensityOption[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createAttackAction, { errors: {}, values: {} });
  const v = state.values;
  const e = state.errors;
  const [kind, setKind] = useState(str(v.kind, 'interpolation'));
  const [choice, setChoice] = useState(str(v.densityChoice, densities[densities.length - 1]?.expression ?? 'custom'));
  const [expr, setExpr] = useState(str(v.densityExpression, ''));
  const spec = ATTACK_KINDS.find((k) => k.value === kind) ?? ATTACK_KINDS[0];
  const chosen = densities.find((d) => d.expression === choice);
  return (
    <form action={action} className="stack" noValidate aria-describedby={e._form ? 'form-error' : undefined}>
      {e._form ? <div className="alert error" role="alert" id="form-error" data-testid="form-error">{e._form}</div> : null}
      <Field id="name" label="Name" error={e.name}>
        <input id="name" name="name" type="text" required defaultValue={str(v.name)} {...invalid('name', e.name)} />
      </Field>
      <Field id="slug" label="Slug" hint="Stable identifier; saving the same slug again makes a new version." error={e.slug}>
        <input id="slug" name="slug" type="text" required pattern="[a-z0-9][a-z0-9-]*" defaultValue={str(v.slug)} {...invalid('slug', e.slug, true)} />
      </Field>
      <Field id="kind" label="Kind" hint={spec.summary} error={e.kind}>
        <select id="kind" name="kind" value={kind} onChange={(ev) => setKind(ev.target.value)} {...invalid('kind', e.kind, true)}>
          {ATTACK_KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
        </select>
      </Field>
      <fieldset>
        <legend>Parameters of {spec.label}</legend>
        <div className="stack" style={{ display: 'grid', gap: 12 }}>
          {spec.fields.map((f) =>
            f.name === 'density' ? (
              <div key={`${kind}-density`} className="row">
                <div className="grow" style={{ display: 'grid', gap: 10 }}>
                  <Field id="densityChoice" label="Density" hint={f.hint} error={choice === 'custom' ? undefined : e.density}>
                    <select id="densityChoice" name="densityChoice" value={choice} onChange={(ev) => setChoice(ev.target.value)} {...invalid('densityChoice', choice === 'custom' ? undefined : e.density, true)}>
                      {densities.map((d) => <option key={d.slug} value={d.expression}>{d.label} ({d.slug})</option>)}
                      <option value="custom">Custom expression…</option>
                    </select>
                  </Field>
                  {choice === 'custom' ? (
                    <Field id="densityExpression" label="Density expression" hint="In x on [0, 1]: numbers, + − * / ^, ( ), sqrt exp log abs min max phi." error={e.density}>
                      <input id="densityExpression" name="densityExpression" type="text" maxLength={400} value={expr} onChange={(ev) => setExpr(ev.target.value)} className="mono" {...invalid('densityExpression', e.density, true)} />
                    </Field>
                  ) : null}
                </div>
                <div>
                  {choice === 'custom' ? <LiveDensity expression={expr} /> : chosen?.samples ? <DensityPlot samples={chosen.samples} label={chosen.label} width={260} /> : null}
                </div>
              </div>
            ) : (
              <Field key={`${kind}-${f.name}`} id={f.name} label={f.label} hint={f.hint} error={e[f.name]}>
                <input id={f.name} name={f.name} type="number" step={f.step ?? 'any'} defaultValue={str(v[f.name], f.default)} {...invalid(f.name, e[f.name], true)} />
              </Field>
            ),
          )}
        </div>
      </fieldset>
      <Field id="description" label="Description (optional)" error={e.description}>
        <textarea id="description" name="description" rows={3} defaultValue={str(v.description)} />
      </Field>
      <div><button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save attack'}</button></div>
    </form>
  );
}

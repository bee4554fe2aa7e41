'use server';

import { redirect } from 'next/navigation';
import { gql } from '@/lib/graphql';
import { CreateAttackMutation } from '@/lib/queries';
import { apiErrorToForm, formValues, type FormState } from '@/lib/form-errors';
import { ATTACK_KINDS } from '@/lib/attack-kinds';

const num = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === '' ? undefined : Number(v));

/** Server action of the "define an attack" form: builds kind-specific params and asks the API. */
export async function createAttackAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const kind = String(form.get('kind') ?? '');
  const spec = ATTACK_KINDS.find((k) => k.value === kind);
  const errors: Record<string, string> = {};
  const name = String(form.get('name') ?? '').trim();
  const slug = String(form.get('slug') ?? '').trim();
  if (!name) errors.name = 'Give the attack a name.';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) errors.slug = 'Lower-case letters, digits and dashes, starting with a letter or digit.';
  if (!spec) errors.kind = 'Choose a kind.';
  const params: Record<string, unknown> = {};
  if (spec) {
    for (const f of spec.fields) {
      if (f.name === 'density') continue;
      const v = num(form.get(f.name));
      if (v === undefined || Number.isNaN(v)) errors[f.name] = `${f.label} must be a number.`;
      else params[f.name] = v;
    }
    if (spec.fields.some((f) => f.name === 'density')) {
      const choice = String(form.get('densityChoice') ?? '');
      const expr = choice === 'custom' ? String(form.get('densityExpression') ?? '').trim() : choice;
      if (!expr) errors.density = 'Choose a density or type an expression.';
      else params.density = expr;
    }
  }
  // Only structure is checked here; the API is the authority on every value (density included).
  if (Object.keys(errors).length > 0) return { errors, values };
  let created;
  try {
    const res = await gql(CreateAttackMutation, {
      input: { name, slug, kind: spec!.enumValue, description: String(form.get('description') ?? ''), params },
    });
    created = res.createAttack;
  } catch (e) {
    return { errors: apiErrorToForm(e, ['name', 'slug', 'kind', 'description', 'density', ...spec!.fields.map((f) => f.name)], { expression: 'density', densityExpression: 'density' }), values };
  }
  redirect(`/attacks?created=${encodeURIComponent(created.id)}`);
}

'use server';

import { redirect } from 'next/navigation';
import { ApiError, gql } from '@/lib/graphql';
import { CreateAttackMutation, CreateDensityMutation, DensitiesQuery } from '@/lib/queries';
import { apiErrorToForm, formValues, type FormState } from '@/lib/form-errors';
import { ATTACK_KINDS } from '@/lib/attack-kinds';

/**
 * Server action of the "define an attack" form. A custom density is sent to createDensity first (the
 * API validates it with the safe parser; its refusal is shown next to the density field), then the
 * attack goes to createAttack with its kind-specific parameters.
 */
export async function createAttackAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const organizationId = String(form.get('organizationId') ?? '');
  const kind = String(form.get('kind') ?? '');
  const spec = ATTACK_KINDS.find((k) => k.value === kind);
  const errors: Record<string, string> = {};
  const name = String(form.get('name') ?? '').trim();
  const slug = String(form.get('slug') ?? '').trim();
  if (!organizationId) errors._form = 'Sign in first: attacks belong to an organization.';
  if (!name) errors.name = 'Give the attack a name.';
  if (!slug) errors.slug = 'Choose a slug.';
  if (!spec) errors.kind = 'Choose a kind.';
  const params: Record<string, unknown> = {};
  for (const f of spec?.fields ?? []) {
    const raw = String(form.get(f.name) ?? '').trim();
    if (raw === '') continue; // the API fills defaults
    params[f.name] = f.options ? raw : Number(raw);
    if (!f.options && Number.isNaN(params[f.name])) errors[f.name] = `${f.label} must be a number.`;
  }
  if (Object.keys(errors).length > 0) return { errors, values };

  const fields = [...(spec!.fields.map((f) => f.name)), 'name', 'slug', 'kind', 'description', 'density'];
  let densityNote = '';
  if (spec!.usesDensity && form.get('densityChoice') === 'custom') {
    const expression = String(form.get('densityExpression') ?? '');
    const densitySlug = String(form.get('densitySlug') ?? '').trim() || `${slug}-density`;
    try {
      await gql(CreateDensityMutation, { input: { organizationId, slug: densitySlug, expression, label: expression.trim() } });
      densityNote = densitySlug;
    } catch (e) {
      const same = e instanceof ApiError && /already exists/i.test(e.message) && (await sameDensity(densitySlug, expression));
      if (!same) {
        const mapped = apiErrorToForm(e, ['densitySlug', 'slug'], { expression: 'density', density: 'density' });
        // Any refusal of createDensity belongs to the density fields, never to the attack's own slug.
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(mapped)) out[k === 'slug' || k === 'densitySlug' ? 'densitySlug' : k === '_form' ? 'density' : k] = v;
        return { errors: out, values };
      }
      densityNote = densitySlug;
    }
  }
  let created;
  try {
    const res = await gql(CreateAttackMutation, {
      input: { organizationId, name, slug, kind: spec!.enumValue, description: String(form.get('description') ?? ''), params },
    });
    created = res.createAttack;
  } catch (e) {
    return { errors: apiErrorToForm(e, fields, {}), values };
  }
  redirect(`/attacks?created=${encodeURIComponent(created.id)}${densityNote ? `&density=${encodeURIComponent(densityNote)}` : ''}`);
}

async function sameDensity(slug: string, expression: string): Promise<boolean> {
  const { densities } = await gql(DensitiesQuery);
  return densities.edges.some(({ node: d }) => d.slug === slug && d.expression.replace(/\s+/g, '') === expression.replace(/\s+/g, ''));
}

'use server';

import { redirect } from 'next/navigation';
import { ApiError, gql } from '@/lib/graphql';
import { CreateAttackMutation, CreateDensityMutation, DensitiesQuery, TrialContractQuery } from '@/lib/queries';
import { apiErrorToForm, formValues, type FormState } from '@/lib/form-errors';
import { paramsFromForm } from '@/lib/contract-params';
import type { AttackKind } from '@/gql/graphql';

/**
 * Server action of the "define an attack" form. A custom density is sent to createDensity first (the
 * API validates it with the safe parser; its refusal is shown next to the density field), then the
 * attack goes to createAttack with its kind's parameters, read as the trial contract types them.
 */
export async function createAttackAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const organizationId = String(form.get('organizationId') ?? '');
  const kind = String(form.get('kind') ?? '');
  const { trialContract } = await gql(TrialContractQuery);
  const spec = trialContract.attacks.find((k) => k.kind === kind);
  const errors: Record<string, string> = {};
  const name = String(form.get('name') ?? '').trim();
  const slug = String(form.get('slug') ?? '').trim();
  if (!organizationId) errors._form = 'Sign in first: attacks belong to an organization.';
  if (!name) errors.name = 'Give the attack a name.';
  if (!slug) errors.slug = 'Choose a slug.';
  if (!spec) errors.kind = 'Choose a kind.';
  // Empty fields are left out: the API fills their defaults.
  const parsed = paramsFromForm(spec?.parameters ?? [], form, 'param:');
  Object.assign(errors, parsed.errors);
  const params = parsed.values;
  if (Object.keys(errors).length > 0) return { errors, values };

  const paramFields = spec!.parameters.map((p) => `param:${p.name}`);
  const fields = [...paramFields, 'name', 'slug', 'kind', 'description', 'density'];
  // The API names a parameter by its input path (input.params.<name>): its field here is param:<name>.
  const aliases = Object.fromEntries(spec!.parameters.map((p) => [p.name, `param:${p.name}`]));
  let densityNote = '';
  if (trialContract.densityAttackKinds.includes(spec!.kind) && form.get('densityChoice') === 'custom') {
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
      input: { organizationId, name, slug, kind: spec!.enumName as AttackKind, description: String(form.get('description') ?? ''), params },
    });
    created = res.createAttack;
  } catch (e) {
    return { errors: apiErrorToForm(e, fields, aliases), values };
  }
  redirect(`/attacks?created=${encodeURIComponent(created.id)}${densityNote ? `&density=${encodeURIComponent(densityNote)}` : ''}`);
}

async function sameDensity(slug: string, expression: string): Promise<boolean> {
  const { densities } = await gql(DensitiesQuery);
  return densities.some((d) => d.slug === slug && d.expression.replace(/\s+/g, '') === expression.replace(/\s+/g, ''));
}

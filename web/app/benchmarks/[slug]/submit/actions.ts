'use server';

import { redirect } from 'next/navigation';
import { gql } from '@/lib/graphql';
import { SubmitDefenseScoresMutation, SubmitVerifiedRunMutation, VerifiedRunDefensesQuery } from '@/lib/queries';
import { apiErrorToForm, formValues, type FormState } from '@/lib/form-errors';
import { paramsFromForm } from '@/lib/contract-params';

/**
 * Server action of the submit form, in either mode: a score file goes to submitDefenseScores base64-encoded; a
 * verified run goes to submitVerifiedRun with its defense's parameters read as the trial contract types them.
 * Refusals land next to their field.
 */
export async function submitDefenseAction(prev: FormState, form: FormData): Promise<FormState> {
  return String(form.get('mode') ?? 'scores') === 'verified' ? submitVerifiedRun(form) : submitScores(form);
}

async function submitScores(form: FormData): Promise<FormState> {
  const values = formValues(form);
  delete values.scoreFile;
  const slug = String(form.get('benchmark') ?? '');
  const label = String(form.get('label') ?? '').trim();
  const file = form.get('scoreFile');
  const fractionText = String(form.get('removalFraction') ?? '').trim();
  const errors: Record<string, string> = {};
  if (!label) errors.label = 'Name your defense.';
  if (!(file instanceof File) || file.size === 0) errors.scoreFile = 'Choose a score file (.npy, .json or .csv).';
  const removalFraction = fractionText === '' ? null : Number(fractionText);
  if (removalFraction !== null && !(removalFraction >= 0 && removalFraction <= 1)) errors.removalFraction = 'A number between 0 and 1.';
  if (Object.keys(errors).length) return { errors, values };
  const f = file as File;
  let id: string;
  try {
    const contentBase64 = Buffer.from(await f.arrayBuffer()).toString('base64');
    const res = await gql(SubmitDefenseScoresMutation, { input: { benchmark: slug, label, fileName: f.name, contentBase64, removalFraction } });
    id = res.submitDefenseScores.id;
  } catch (e) {
    return { errors: apiErrorToForm(e, ['label', 'scoreFile', 'removalFraction']), values };
  }
  redirect(`/benchmarks/${encodeURIComponent(slug)}/submissions/${id}`);
}

async function submitVerifiedRun(form: FormData): Promise<FormState> {
  const values = formValues(form);
  const slug = String(form.get('benchmark') ?? '');
  const label = String(form.get('label') ?? '').trim();
  const kind = String(form.get('defense') ?? '');
  const { benchmark } = await gql(VerifiedRunDefensesQuery, { slug });
  const spec = benchmark.verifiedRunDefenses.find((d) => d.kind === kind);
  if (!spec) return { errors: { defense: 'Choose a defense.' }, values };
  // Empty fields are left out: the API fills their defaults from the contract.
  const parsed = paramsFromForm(spec.parameters, form, 'param:');
  if (Object.keys(parsed.errors).length) return { errors: parsed.errors, values };
  let id: string;
  try {
    const res = await gql(SubmitVerifiedRunMutation, { input: { benchmark: slug, label: label || null, defense: kind, params: parsed.values } });
    id = res.submitVerifiedRun.id;
  } catch (e) {
    // The API names a parameter by its input path (params.<name>): its field here is param:<name>.
    const aliases = Object.fromEntries(spec.parameters.map((p) => [p.name, `param:${p.name}`]));
    return { errors: apiErrorToForm(e, ['label', 'defense'], aliases), values };
  }
  redirect(`/benchmarks/${encodeURIComponent(slug)}/submissions/${id}`);
}

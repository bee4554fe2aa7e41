'use server';

import { redirect } from 'next/navigation';
import { gql } from '@/lib/graphql';
import { SubmitDefenseScoresMutation } from '@/lib/queries';
import { apiErrorToForm, formValues, type FormState } from '@/lib/form-errors';

/** Server action of the score-file form: the file goes to submitDefenseScores base64-encoded; refusals land next to their field. */
export async function submitScoresAction(_prev: FormState, form: FormData): Promise<FormState> {
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

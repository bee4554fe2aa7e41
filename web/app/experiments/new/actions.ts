'use server';

import { redirect } from 'next/navigation';
import { ApiError, gql } from '@/lib/graphql';
import { CreateExperimentMutation } from '@/lib/queries';
import { apiErrorToForm, formValues, type FormState } from '@/lib/form-errors';

const list = (form: FormData, name: string) => form.getAll(name).map(String).filter(Boolean);
const numbers = (text: string) => text.split(/[\s,;]+/).filter(Boolean).map(Number);

/** Server action of the launch form: passes the matrix to createExperiment; the API is the judge. */
export async function launchExperimentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const errors: Record<string, string> = {};
  const name = String(form.get('name') ?? '').trim();
  if (!name) errors.name = 'Give the experiment a name.';
  const labels = numbers(String(form.get('labels') ?? ''));
  if (labels.length === 0 || labels.some((n) => !Number.isInteger(n) || n < 1)) errors.labels = 'One or more whole numbers of at least 1, comma separated.';
  const ratesPct = numbers(String(form.get('rates') ?? ''));
  if (ratesPct.length === 0 || ratesPct.some((n) => !Number.isFinite(n) || n < 0 || n > 100)) errors.rates = 'One or more percentages between 0 and 100, comma separated.';
  const trialsPerCell = Number(form.get('trialsPerCell'));
  if (!Number.isInteger(trialsPerCell)) errors.trialsPerCell = 'A whole number.';
  const seedText = String(form.get('seedBase') ?? '').trim();
  const matrix = {
    datasets: list(form, 'datasets'),
    labels,
    algorithms: list(form, 'algorithms'),
    rates: ratesPct.map((p) => Number((p / 100).toPrecision(12))),
    densities: list(form, 'densities').length ? list(form, 'densities') : null,
    attacks: list(form, 'attacks'),
    defenses: list(form, 'defenses').length ? list(form, 'defenses') : null,
    trialsPerCell,
  };
  if (!form.get('organizationId')) errors._form = 'Sign in first: experiments belong to an organization.';
  for (const k of ['datasets', 'algorithms', 'attacks'] as const) if (matrix[k].length === 0) errors[k] = 'Choose at least one.';
  if (Object.keys(errors).length > 0) return { errors, values };
  let id: string;
  try {
    const res = await gql(CreateExperimentMutation, {
      input: {
        organizationId: String(form.get('organizationId') ?? ''),
        name,
        visibility: form.get('visibility') === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC',
        preset: String(form.get('preset') ?? 'toy'),
        ...(seedText ? { seedBase: Number(seedText) } : {}),
        matrix,
      },
    });
    id = res.createExperiment.experiment.id;
  } catch (e) {
    if (e instanceof ApiError && e.message === 'Argument Validation Error') {
      // class-validator refusals of nested matrix fields arrive without detail: say which part was refused.
      const props = e.fieldErrors();
      return { errors: { _form: `The API refused ${Object.keys(props).join(', ') || 'the input'}: a value is out of its allowed range (e.g. a list with duplicates or over 20-50 entries).` }, values };
    }
    return {
      errors: apiErrorToForm(e, ['name', 'visibility', 'preset', 'seedBase', 'datasets', 'labels', 'algorithms', 'rates', 'densities', 'attacks', 'defenses', 'trialsPerCell'], {
        dataset: 'datasets', algorithm: 'algorithms', rate: 'rates', density: 'densities', attack: 'attacks', defense: 'defenses', 'trials per cell': 'trialsPerCell', cap: 'trialsPerCell', seed: 'seedBase',
      }),
      values,
    };
  }
  redirect(`/experiments/${id}`);
}

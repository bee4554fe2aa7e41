'use server';

import { redirect } from 'next/navigation';
import { ApiError, gql } from '@/lib/graphql';
import { CreateExperimentMutation, PreviewExperimentQuery, TrialContractQuery } from '@/lib/queries';
import { apiErrorToForm, formValues, type FormState } from '@/lib/form-errors';
import { paramsFromForm } from '@/lib/contract-params';
import type { CreateExperimentInput } from '@/gql/graphql';

const list = (form: FormData, name: string) => form.getAll(name).map(String).filter(Boolean);
const numbers = (text: string) => text.split(/[\s,;]+/).filter(Boolean).map(Number);

const MATRIX_FIELDS = ['name', 'visibility', 'preset', 'seedBase', 'datasets', 'labels', 'algorithms', 'rates', 'densities', 'attacks', 'defenses', 'trialsPerCell'];
const MATRIX_ALIASES = {
  dataset: 'datasets', algorithm: 'algorithms', rate: 'rates', density: 'densities', attack: 'attacks', defense: 'defenses', 'trials per cell': 'trialsPerCell', cap: 'trialsPerCell', seed: 'seedBase',
};

/** The createExperiment input a launch form describes, or the form's own errors (keyed by field name). */
async function inputFromForm(form: FormData, forPreview: boolean): Promise<{ input?: CreateExperimentInput; errors: Record<string, string>; overrideFields: string[] }> {
  const errors: Record<string, string> = {};
  const name = String(form.get('name') ?? '').trim();
  if (!name && !forPreview) errors.name = 'Give the experiment a name.';
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
  const { trialContract } = await gql(TrialContractQuery);
  const overrides = paramsFromForm(trialContract.overrides, form, 'override:');
  Object.assign(errors, overrides.errors);
  const overrideFields = trialContract.overrides.map((p) => p.name);
  if (Object.keys(errors).length > 0) return { errors, overrideFields };
  return {
    errors,
    overrideFields,
    input: {
      organizationId: String(form.get('organizationId') ?? ''),
      name: name || 'preview',
      visibility: form.get('visibility') === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC',
      preset: String(form.get('preset') ?? 'toy'),
      ...(seedText ? { seedBase: Number(seedText) } : {}),
      ...(Object.keys(overrides.values).length ? { overrides: overrides.values } : {}),
      matrix,
    } as CreateExperimentInput,
  };
}

/** Errors of an API refusal placed on the launch form's fields (overrides on override:<name>). */
function refusal(e: unknown, overrideFields: string[]): Record<string, string> {
  if (e instanceof ApiError && e.message === 'Argument Validation Error') {
    // class-validator refusals of nested matrix fields arrive without detail: say which part was refused.
    const props = e.fieldErrors();
    return { _form: `The API refused ${Object.keys(props).join(', ') || 'the input'}: a value is out of its allowed range (e.g. a list with duplicates or over 20-50 entries).` };
  }
  const overrideAliases = Object.fromEntries(overrideFields.map((n) => [n, `override:${n}`]));
  return apiErrorToForm(e, [...MATRIX_FIELDS, ...overrideFields.map((n) => `override:${n}`)], { ...MATRIX_ALIASES, ...overrideAliases });
}

export interface PreviewState { trialCount?: number; maxTrials?: number; errors: Record<string, string> }

/** The launch form's count: previewExperiment, the API's own validation and expansion (nothing is written). */
export async function previewExperimentAction(form: FormData): Promise<PreviewState> {
  const { input, errors, overrideFields } = await inputFromForm(form, true);
  if (!input) return { errors };
  try {
    const { previewExperiment } = await gql(PreviewExperimentQuery, { input });
    return { trialCount: previewExperiment.trialCount, maxTrials: previewExperiment.maxTrials, errors: {} };
  } catch (e) {
    return { errors: refusal(e, overrideFields) };
  }
}

/** Server action of the launch form: passes the matrix and overrides to createExperiment; the API is the judge. */
export async function launchExperimentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const { input, errors, overrideFields } = await inputFromForm(form, false);
  if (!input) return { errors, values };
  let id: string;
  try {
    const res = await gql(CreateExperimentMutation, { input });
    id = res.createExperiment.experiment.id;
  } catch (e) {
    return { errors: refusal(e, overrideFields), values };
  }
  redirect(`/experiments/${id}`);
}

import { ApiError } from './graphql';

export interface FormState {
  /** message per form field name; `_form` for errors that belong to no single field */
  errors: Record<string, string>;
  /** the submitted values, so the form re-renders with them after a refusal */
  values: Record<string, string | string[]>;
  ok?: string;
}

/**
 * Places an API refusal next to the field it concerns: extensions.field(s) when the API names
 * one, else the first known field name mentioned in the message, else the form as a whole.
 */
export function apiErrorToForm(e: unknown, knownFields: string[], aliases: Record<string, string> = {}): Record<string, string> {
  if (!(e instanceof ApiError)) return { _form: 'The API could not be reached. Try again.' };
  const out: Record<string, string> = {};
  const named = e.fieldErrors();
  for (const [field, message] of Object.entries(named)) {
    const leaf = field.split('.').pop() ?? field;
    const target = aliases[leaf] ?? (knownFields.includes(leaf) ? leaf : undefined);
    if (target) out[target] = message;
  }
  if (Object.keys(out).length > 0) return out;
  for (const err of e.errors.length ? e.errors : [{ message: e.message }]) {
    const words = new Set(err.message.toLowerCase().split(/[^a-z0-9-]+/i));
    const hit = [...Object.keys(aliases), ...knownFields].find((f) => words.has(f.toLowerCase()) || (f.includes(' ') && err.message.toLowerCase().includes(f)));
    const target = hit ? aliases[hit] ?? hit : '_form';
    out[target] = out[target] ? `${out[target]} ${err.message}` : err.message;
  }
  if (e.code === 'UNAUTHENTICATED' || e.code === 'FORBIDDEN') out._form = `${e.message} Sign in with a token of a member of your organization.`;
  return out;
}

export function formValues(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const k of new Set(form.keys())) {
    if (k.startsWith('$')) continue;
    const all = form.getAll(k).map(String);
    out[k] = all.length > 1 ? all : all[0] ?? '';
  }
  return out;
}

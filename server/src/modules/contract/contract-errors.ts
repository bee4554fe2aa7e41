import { ContractError } from '@frogpond/compute/contract';
import { AppError, badInput } from '../../common/errors';

/** One invalid field of a GraphQL input, as clients receive it in `extensions.fields`. */
export interface FieldError {
  /** Input path, e.g. `input.params.iterations` or `input.overrides.steps`. */
  field: string;
  message: string;
  /** For an unknown key: the keys accepted there. */
  accepted?: string[];
}

/**
 * One BAD_USER_INPUT error for every invalid field of an input: `extensions.field` is the first field's path and
 * `extensions.fields` lists them all, so that a form can mark each field at once.
 */
export function fieldErrors(errors: FieldError[]): AppError {
  const message = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return badInput(message, { field: errors[0]?.field, fields: errors });
}

/** Runs `fn`; a ContractError becomes a field error whose paths start at `prefix` (the GraphQL input path). */
export function withContract<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ContractError) throw fieldErrors(contractFieldErrors(e, prefix));
    throw e;
  }
}

/** The issues of a ContractError as field errors under `prefix`. */
export function contractFieldErrors(e: ContractError, prefix: string): FieldError[] {
  return e.issues.map((i) => ({
    field: [prefix, i.path].filter(Boolean).join('.'),
    message: i.message,
    ...(i.accepted ? { accepted: i.accepted } : {}),
  }));
}

export { AppError };

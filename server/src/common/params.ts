import { badInput } from './errors';

/** A tiny, explicit schema for definition parameters (jsonb), validated per kind. */
export type ParamSpec =
  | { type: 'number'; min?: number; max?: number; default?: number; exclusiveMin?: boolean }
  | { type: 'integer'; min?: number; max?: number; default?: number }
  | { type: 'boolean'; default?: boolean }
  | { type: 'enum'; values: readonly string[]; default?: string };
export type ParamSchema = Record<string, ParamSpec>;

/**
 * Validates `params` against `schema`: unknown keys, wrong types and out-of-range values are BAD_USER_INPUT.
 * Returns the params with defaults filled in (stored normalised so equal definitions look equal).
 */
export function validateParams(what: string, schema: ParamSchema, params: unknown): Record<string, unknown> {
  if (params === undefined || params === null) params = {};
  if (typeof params !== 'object' || Array.isArray(params)) throw badInput(`${what}: params must be an object`);
  const input = params as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!(key in schema)) {
      throw badInput(`${what}: unknown parameter "${key}" (allowed: ${Object.keys(schema).join(', ') || 'none'})`);
    }
  }
  for (const [key, spec] of Object.entries(schema)) {
    const v = input[key];
    if (v === undefined || v === null) {
      if (spec.default !== undefined) out[key] = spec.default;
      continue;
    }
    switch (spec.type) {
      case 'number':
      case 'integer': {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw badInput(`${what}: ${key} must be a finite number`);
        if (spec.type === 'integer' && !Number.isInteger(v)) throw badInput(`${what}: ${key} must be an integer`);
        if (spec.min !== undefined && (v < spec.min || ('exclusiveMin' in spec && spec.exclusiveMin && v === spec.min))) {
          throw badInput(`${what}: ${key} must be ${'exclusiveMin' in spec && spec.exclusiveMin ? '>' : '>='} ${spec.min}`);
        }
        if (spec.max !== undefined && v > spec.max) throw badInput(`${what}: ${key} must be <= ${spec.max}`);
        break;
      }
      case 'boolean':
        if (typeof v !== 'boolean') throw badInput(`${what}: ${key} must be a boolean`);
        break;
      case 'enum':
        if (typeof v !== 'string' || !spec.values.includes(v)) throw badInput(`${what}: ${key} must be one of ${spec.values.join(', ')}`);
        break;
    }
    out[key] = v;
  }
  return out;
}

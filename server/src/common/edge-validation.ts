import {
  GraphQLArgument, GraphQLInputType, GraphQLResolveInfo, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType,
} from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { badInput } from './errors';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID_RE.test(v);

/** Deepest nesting accepted in a JSON request body or a JSON variable (objects and arrays). */
export const MAX_JSON_DEPTH = 32;

/** True when `value` nests objects/arrays deeper than `max` (iterative: a hostile document cannot blow the stack). */
export function jsonTooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

/** True when a string anywhere in `value` (keys included) holds a NUL character, which PostgreSQL text cannot store. */
export function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') { if (v.includes('\u0000')) return true; continue; }
    if (v === null || typeof v !== 'object') continue;
    for (const [k, child] of Object.entries(v)) { if (k.includes('\u0000')) return true; stack.push(child); }
  }
  return false;
}

/**
 * Checks one argument value against its GraphQL type before any resolver (and so any SQL) sees it: every ID is a
 * UUID, no string holds a NUL, JSON scalars are not nested absurdly deep. `path` names the field for the client.
 */
function check(type: GraphQLInputType, value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return check(type.ofType, value, path);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((v, i) => check(type.ofType, v, `${path}[${i}]`));
    else check(type.ofType, value, path);
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (fields[k]) check(fields[k].type, v, `${path}.${k}`);
    return;
  }
  if (isEnumType(type)) return;
  const named = getNamedType(type);
  if (isScalarType(named) && named.name === 'ID') {
    if (!isUuid(value)) throw badInput(`${path} must be a UUID`, { field: path });
    return;
  }
  if (containsNul(value)) throw badInput(`${path} must not contain NUL characters`, { field: path });
  if (typeof value === 'object' && jsonTooDeep(value)) throw badInput(`${path} is nested deeper than ${MAX_JSON_DEPTH} levels`, { field: path });
}

/** The arguments of the field being resolved, checked against their declared types (see `check`). */
export function checkArgs(args: Record<string, unknown>, defs: readonly GraphQLArgument[]): void {
  for (const def of defs) check(def.type, args[def.name], def.name);
}

/** type-graphql global middleware: validates every field's arguments at the edge (fields without arguments skip). */
export const edgeValidation: MiddlewareFn = async ({ args, info }: { args: Record<string, unknown>; info: GraphQLResolveInfo }, next) => {
  const field = info.parentType.getFields()[info.fieldName];
  if (field?.args.length && args) checkArgs(args, field.args);
  return next();
};

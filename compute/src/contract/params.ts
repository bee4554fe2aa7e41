import { z } from 'zod';

/**
 * Builders for contract parameters. Every parameter is a zod schema carrying its type, bounds, default and a
 * one-line description, so that validation, TypeScript types, the GraphQL description and the CLI help all come
 * from the same definition.
 */

/** A real number in [min, max] (`exclusiveMin`: in (min, max]). */
export function num(min: number, max: number, def: number, description: string, opts: { exclusiveMin?: boolean } = {}) {
  const base = opts.exclusiveMin ? z.number().gt(min) : z.number().min(min);
  return base.max(max).default(def).describe(description);
}

/** An integer in [min, max]. */
export function int(min: number, max: number, def: number, description: string) {
  return z.number().int().min(min).max(max).default(def).describe(description);
}

/** An integer in [min, max] whose default depends on the preset (filled in by resolveTrialConfig). */
export function presetInt(min: number, max: number, byPreset: Record<'toy' | 'mini' | 'paper', number>, description: string) {
  return z.number().int().min(min).max(max).optional().describe(description).meta({ defaultByPreset: byPreset });
}

/** One of a fixed set of strings. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, def: T[number], description: string) {
  return z.enum(values).default(def as never).describe(description);
}

/** A boolean. */
export function flag(def: boolean, description: string) {
  return z.boolean().default(def).describe(description);
}

type KindOutput<T extends Record<string, z.ZodType>> = { [K in keyof T & string]: { kind: K; params: z.output<T[K]> } }[keyof T & string];
type KindInput<T extends Record<string, z.ZodType>> = { [K in keyof T & string]: { kind: K; params?: z.input<T[K]> } }[keyof T & string];

/**
 * `{ kind, params }` for every kind of a parameter table, discriminated by `kind`: params are checked against their
 * kind's schema (unknown keys refused) and default to `{}` with every default filled in.
 */
export function kindUnion<T extends Record<string, z.ZodType>>(table: T): z.ZodType<KindOutput<T>, KindInput<T>> {
  const options = Object.entries(table).map(([kind, params]) => z.strictObject({ kind: z.literal(kind), params: params.prefault({}) }));
  return z.discriminatedUnion('kind', options as unknown as [z.ZodObject, ...z.ZodObject[]]) as unknown as z.ZodType<KindOutput<T>, KindInput<T>>;
}

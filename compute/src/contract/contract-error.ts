import { z } from 'zod';

/** One invalid field of an input: its dotted path, what is wrong, and for unknown keys the keys accepted there. */
export interface ContractIssue {
  path: string;
  message: string;
  /** Accepted keys at `path`'s parent, for an unknown key. */
  accepted?: string[];
}

/** An input the contract refuses; `issues` lists every invalid field at once. `code` maps to GraphQL BAD_USER_INPUT. */
export class ContractError extends Error {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(readonly issues: ContractIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'ContractError';
  }
}

type AnySchema = z.core.$ZodType;

/** The object schema found at `path` inside `schema`, following discriminated unions by the value in `input`. */
function objectAt(schema: AnySchema, input: unknown, path: readonly PropertyKey[]): Record<string, AnySchema> | null {
  let s: AnySchema | undefined = schema;
  let v: unknown = input;
  for (let i = 0; ; i++) {
    s = unwrap(s!, v);
    if (!s) return null;
    const def = s._zod.def as unknown as { type: string; shape?: Record<string, AnySchema> };
    if (def.type !== 'object' || !def.shape) return null;
    if (i === path.length) return def.shape;
    s = def.shape[String(path[i])];
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[String(path[i])] : undefined;
  }
}

function unwrap(s: AnySchema, value: unknown): AnySchema | undefined {
  for (;;) {
    const def = s._zod.def as unknown as { type: string; innerType?: AnySchema; options?: AnySchema[]; discriminator?: string };
    if (def.innerType) { s = def.innerType; continue; }
    if (def.type === 'union' && def.options) {
      const disc = (def as { discriminator?: string }).discriminator;
      const want = disc && value && typeof value === 'object' ? (value as Record<string, unknown>)[disc] : undefined;
      const hit = def.options.find((o) => {
        const shape = (o._zod.def as unknown as { shape?: Record<string, AnySchema> }).shape;
        const lit = shape && disc ? (shape[disc]._zod.def as unknown as { values?: unknown[] }).values : undefined;
        return lit?.includes(want);
      });
      if (!hit) return undefined;
      s = hit;
      continue;
    }
    return s;
  }
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Converts zod issues into contract issues: one per field, unknown keys named with the keys accepted there. */
export function issuesFromZod(schema: AnySchema, input: unknown, error: z.ZodError, prefix = ''): ContractIssue[] {
  const out: ContractIssue[] = [];
  const at = (p: string) => (prefix && p ? `${prefix}.${p}` : prefix || p);
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const shape = objectAt(schema, input, issue.path);
      const accepted = shape ? Object.keys(shape) : [];
      for (const key of issue.keys) {
        out.push({ path: at(dotted([...issue.path, key])), message: `unknown key "${key}" (accepted: ${accepted.join(', ') || 'none'})`, accepted });
      }
    } else if (issue.code === 'invalid_union' && (issue as { discriminator?: string }).discriminator) {
      const disc = (issue as { discriminator?: string }).discriminator!;
      const unionPath = issue.path[issue.path.length - 1] === disc ? issue.path.slice(0, -1) : issue.path;
      let union: AnySchema | undefined = unionPath.length ? objectAt(schema, input, unionPath.slice(0, -1))?.[String(unionPath[unionPath.length - 1])] : schema;
      while (union && (union._zod.def as unknown as { innerType?: AnySchema }).innerType) union = (union._zod.def as unknown as { innerType: AnySchema }).innerType;
      const options = union ? ((union._zod.def as unknown as { options?: AnySchema[] }).options ?? []) : [];
      const values = options.flatMap((o) => ((o._zod.def as unknown as { shape: Record<string, AnySchema> }).shape[disc]._zod.def as unknown as { values: unknown[] }).values);
      const path = [...unionPath, disc];
      out.push({ path: at(dotted(path)), message: `must be one of ${values.join(', ')}` });
    } else {
      out.push({ path: at(dotted(issue.path)), message: issue.message });
    }
  }
  return out;
}

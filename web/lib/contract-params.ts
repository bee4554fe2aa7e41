/**
 * Form fields from the trial contract's parameter descriptions (GraphQL `trialContract`): how a parameter is shown,
 * and how a submitted form value becomes the value the API receives. No parameter is listed here: the contract in
 * compute is the only list.
 */
export interface ContractParam {
  name: string;
  type: string;
  description: string;
  min?: number | null;
  max?: number | null;
  exclusiveMin?: boolean | null;
  exclusiveMax?: boolean | null;
  default?: unknown;
  defaultByPreset?: unknown;
  values?: string[] | null;
}

/** The hint under a parameter's field: its description, range and default. */
export function paramHint(p: ContractParam): string {
  const range = p.min != null || p.max != null
    ? ` ${p.exclusiveMin ? '(' : '['}${p.min ?? '−∞'}, ${p.max ?? '∞'}${p.exclusiveMax ? ')' : ']'}.`
    : '';
  const byPreset = p.defaultByPreset && typeof p.defaultByPreset === 'object'
    ? Object.entries(p.defaultByPreset as Record<string, number>).map(([k, v]) => `${k} ${v}`).join(', ') : '';
  const def = p.default != null ? ` Default ${typeof p.default === 'object' ? JSON.stringify(p.default) : String(p.default)}.` : byPreset ? ` Default per preset: ${byPreset}.` : '';
  const desc = p.description ? p.description.charAt(0).toUpperCase() + p.description.slice(1) + '.' : '';
  return `${desc}${range}${def}`.trim();
}

/**
 * A submitted value as the API expects it; `undefined` when left empty (the API fills the default). Returns an
 * error message instead when the text cannot be that type.
 */
export function parseParam(p: ContractParam, raw: string): { value?: unknown; error?: string } {
  const text = raw.trim();
  if (text === '') return {};
  if (p.type === 'enum') return { value: text };
  if (p.type === 'boolean') return text === 'true' || text === 'false' ? { value: text === 'true' } : { error: 'Choose true or false.' };
  if (p.type === 'number' || p.type === 'integer') {
    const n = Number(text);
    if (!Number.isFinite(n)) return { error: 'A number, please.' };
    if (p.type === 'integer' && !Number.isInteger(n)) return { error: 'A whole number, please.' };
    return { value: n };
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { error: 'JSON, e.g. {"kind": "mlp", "hidden": [64, 64]}.' };
  }
}

/** Reads the parameters `prefix`+name of a form; `errors` is keyed by form field name. */
export function paramsFromForm(params: ContractParam[], form: FormData, prefix: string): { values: Record<string, unknown>; errors: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const p of params) {
    const r = parseParam(p, String(form.get(prefix + p.name) ?? ''));
    if (r.error) errors[prefix + p.name] = r.error;
    else if (r.value !== undefined) values[p.name] = r.value;
  }
  return { values, errors };
}

/** "1 trial", "2 trials". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

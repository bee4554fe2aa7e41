import { Field, invalid } from '@/components/field';
import { paramHint, type ContractParam } from '@/lib/contract-params';

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/**
 * One form field per contract parameter: a select for enums and booleans, a number input with the contract's bounds
 * for numbers, a JSON text input for objects. Empty means "the default" (shown in the hint and the placeholder).
 */
export function ParamFields({ params, prefix, values, errors }: {
  params: ContractParam[]; prefix: string; values: Record<string, string | string[]>; errors: Record<string, string | undefined>;
}) {
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {params.map((p) => {
        const id = prefix + p.name;
        const e = errors[id];
        const def = p.default == null ? '' : typeof p.default === 'object' ? JSON.stringify(p.default) : String(p.default);
        return (
          <Field key={id} id={id} label={p.name} hint={paramHint(p)} error={e}>
            {p.type === 'enum' || p.type === 'boolean' ? (
              <select id={id} name={id} defaultValue={str(values[id])} {...invalid(id, e, true)}>
                <option value="">default{def ? ` (${def})` : ''}</option>
                {(p.type === 'enum' ? p.values ?? [] : ['true', 'false']).map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            ) : p.type === 'number' || p.type === 'integer' ? (
              <input id={id} name={id} type="number" step={p.type === 'integer' ? 1 : 'any'} min={p.min ?? undefined} max={p.max ?? undefined}
                placeholder={def} defaultValue={str(values[id])} {...invalid(id, e, true)} />
            ) : (
              <input id={id} name={id} type="text" className="mono" placeholder={def || '{ }'} defaultValue={str(values[id])} {...invalid(id, e, true)} />
            )}
          </Field>
        );
      })}
    </div>
  );
}

/** A chooser of a contract kind (an attack or a defense kind) and the parameter fields of the chosen kind. */
export function KindParamsFields({ id, label, kinds, kind, onKind, hint, params, values, errors, noun }: {
  id: string; label: string; kinds: string[]; kind: string; onKind: (kind: string) => void; hint?: string; params: ContractParam[];
  values: Record<string, string | string[]>; errors: Record<string, string | undefined>; noun: string;
}) {
  return (
    <>
      <Field id={id} label={label} hint={hint} error={errors[id]}>
        <select id={id} name={id} value={kind} onChange={(ev) => onKind(ev.target.value)} {...invalid(id, errors[id], true)}>
          {kinds.map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
      </Field>
      <fieldset>
        <legend>Parameters of {kind}</legend>
        {params.length === 0 ? <p className="hint">This {noun} takes no parameters.</p> : null}
        <p className="hint" style={{ marginTop: 0 }}>Leave a field empty for its default.</p>
        <ParamFields key={kind} params={params} prefix="param:" values={values} errors={errors} />
      </fieldset>
    </>
  );
}

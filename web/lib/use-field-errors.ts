'use client';

import { useState, type FormEvent } from 'react';

/**
 * The errors of the last submission, each one hidden as soon as its field changes (the next submission brings a
 * fresh set). Put `onChange` on the <form>: change events bubble up from every field, named by `name`. `shows` maps
 * a field's name to the error keys it shows when they differ from its name (e.g. a density input showing `density`).
 */
export function useFieldErrors(errors: Record<string, string>, shows: Record<string, string[]> = {}): {
  errors: Record<string, string>; onChange: (e: FormEvent<HTMLFormElement>) => void;
} {
  const [changed, setChanged] = useState<{ of: Record<string, string>; names: ReadonlySet<string> }>({ of: errors, names: new Set() });
  const names = changed.of === errors ? changed.names : new Set<string>();
  const visible = Object.fromEntries(Object.entries(errors).filter(([k]) => !names.has(k)));
  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const name = (e.target as HTMLInputElement).name;
    const keys = [name, ...(shows[name] ?? [])].filter((k) => k && errors[k] && !names.has(k));
    if (keys.length) setChanged({ of: errors, names: new Set([...names, ...keys]) });
  };
  return { errors: visible, onChange };
}

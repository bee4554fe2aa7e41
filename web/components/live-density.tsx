'use client';

import { useMemo } from 'react';
import { validateDensity } from '@frogpond/compute/densities';
import { DensityPlot } from './density-plot';

/** Live plot of a typed density, parsed in the browser by the shared safe parser (never eval). */
export function LiveDensity({ expression }: { expression: string }) {
  const result = useMemo(() => {
    if (!expression.trim()) return { error: 'Type an expression in x, e.g. 1.5-x' };
    try {
      const { expression: expr, integral } = validateDensity(expression);
      const samples = Array.from({ length: 101 }, (_, i) => expr.evaluate(i / 100));
      return { samples, integral };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [expression]);
  return (
    <div aria-live="polite" data-testid="live-density">
      {'samples' in result && result.samples ? (
        <>
          <DensityPlot samples={result.samples} label={expression} width={260} />
          <span className="hint">∫₀¹ = {result.integral!.toFixed(3)} (normalised before spacing the poisons)</span>
        </>
      ) : (
        <span className="hint">Preview: {result.error}</span>
      )}
    </div>
  );
}

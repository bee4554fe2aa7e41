/** Server-side density sampling with the shared safe parser (never eval). */
import { parseDensityExpression } from '@frogpond/compute/densities';

export function sampleExpression(expression: string, points = 101): number[] | null {
  try {
    const expr = parseDensityExpression(expression);
    return Array.from({ length: points }, (_, i) => expr.evaluate(i / (points - 1)));
  } catch {
    return null;
  }
}

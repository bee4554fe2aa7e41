/** One of the densities compared in Table 3 of Carlini (2021). */
export interface BuiltinDensity {
  /** Stable identifier used in URLs and the API. */
  slug: string;
  /** Expression in the safe density grammar. */
  expression: string;
  /** The paper's own text for it: equals the row key in data/paper-results.json (table3_density_functions). */
  label: string;
  description: string;
}

/** The 11 density functions of Table 3, in the paper's order (worst to best on CIFAR-10 at 0.1%). */
export const BUILTIN_DENSITIES: readonly BuiltinDensity[] = [
  { slug: 'one-minus-x-squared', expression: '(1-x)^2', label: '(1-x)^2', description: 'Quadratic, concentrated near the source; none near the target.' },
  { slug: 'phi-x-plus-0.5', expression: 'phi(x+.5)', label: 'phi(x+.5)', description: 'Standard normal CDF shifted by 0.5: rises towards the target.' },
  { slug: 'phi-x-plus-0.3', expression: 'phi(x+.3)', label: 'phi(x+.3)', description: 'Standard normal CDF shifted by 0.3: rises towards the target.' },
  { slug: 'x', expression: 'x', label: 'x', description: 'Linear, denser near the target.' },
  { slug: 'x4-plus-one-minus-x4', expression: 'x^4+(1-x)^4', label: 'x^4+(1-x)^4', description: 'Dense at both ends, sparse in the middle.' },
  { slug: 'sqrt-one-minus-x', expression: 'sqrt(1-x)', label: 'sqrt(1-x)', description: 'Square root, denser near the source.' },
  { slug: 'x2-plus-one-minus-x2', expression: 'x^2+(1-x)^2', label: 'x^2+(1-x)^2', description: 'Quadratic at both ends.' },
  { slug: 'uniform', expression: '1', label: '1', description: 'Evenly spaced interpolation.' },
  { slug: 'one-minus-x-squared-plus-0.5', expression: '(1-x)^2+.5', label: '(1-x)^2+.5', description: 'Quadratic near the source over a uniform floor.' },
  { slug: 'one-minus-x', expression: '1-x', label: '1-x', description: 'Linear, denser near the source.' },
  { slug: 'one-point-five-minus-x', expression: '1.5-x', label: '1.5-x', description: 'The paper\'s best: three times denser at the source than at the target.' },
];

/** Finds a built-in density by slug. */
export function findBuiltinDensity(slug: string): BuiltinDensity | undefined {
  return BUILTIN_DENSITIES.find((d) => d.slug === slug);
}

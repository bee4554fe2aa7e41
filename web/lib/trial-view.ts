/** How the trial page words a trial's pictures and its defense report. */

const STRIP_CAPTION: Record<string, string> = {
  interpolation: 'Interpolation poisons along the path, from the source x′ (left, a labeled example of class y*) to the target x* (right).',
  'zero-knowledge-interpolation': 'Zero-knowledge interpolation poisons, from an unlabeled source of class y* (left) to the target x* (right).',
  'feature-collision': 'Poison Frogs feature collision: the base image, the crafted poison(s) that collide with the target in feature space, and the target x*.',
  watermark: 'Watermark poisons: base images blended with the target x* (opacity γ), then the target.',
  'feature-collision-watermark': 'Feature collision from a watermarked base: the base, the crafted poison(s) and the target x*.',
};

/** The caption of an image strip, by the trial's attack kind (the artifact's kind only when the attack is unknown). */
export function stripCaption(attackKind: string, artifactKind: string): string {
  return STRIP_CAPTION[attackKind] ?? `${artifactKind}: from the source (left) to the target (right).`;
}

interface MetricSpec { label: string; unit: 'count' | 'share' | 'text' | 'distance' | 'flag' }
const DEFENSE_METRICS: Record<string, MetricSpec> = {
  kind: { label: 'Defense', unit: 'text' },
  removed: { label: 'Unlabeled examples removed', unit: 'count' },
  removedPoisons: { label: 'Poisons removed', unit: 'count' },
  truePositiveRate: { label: 'Poisons caught (true-positive rate)', unit: 'share' },
  falsePositiveRate: { label: 'Clean examples removed (false-positive rate)', unit: 'share' },
};

/** Defense report rows: a label, the value with its unit, and the raw key (for unknown metrics, the key is the label). */
export function defenseRows(detection: Record<string, unknown>): { key: string; label: string; value: string }[] {
  if (detection.kind === 'none') return [];
  return Object.entries(detection)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([key, v]) => {
      const spec = DEFENSE_METRICS[key];
      const n = typeof v === 'number' ? v : NaN;
      let value = String(v);
      if (spec?.unit === 'share' && Number.isFinite(n)) value = `${(n * 100).toFixed(1)}%`;
      else if (spec?.unit === 'count' && Number.isFinite(n)) value = `${n} ${n === 1 ? 'example' : 'examples'}`;
      else if (Number.isFinite(n) && !Number.isInteger(n)) value = n.toFixed(3);
      return { key, label: spec?.label ?? key, value };
    });
}

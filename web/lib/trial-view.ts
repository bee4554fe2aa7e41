/** How the trial page words a trial's pictures (the defense report has its own card, components/defense-card). */

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

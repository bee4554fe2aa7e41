/** Poisons against benign examples over a submission's score range (counts per bin, each side scaled to its own maximum). */
export function ScoreHistogram({ edges, poisons, benign, label }: { edges: number[]; poisons: number[]; benign: number[]; label: string }) {
  const w = 300;
  const h = 80;
  const bins = poisons.length;
  const bw = w / bins;
  const pMax = Math.max(1, ...poisons);
  const bMax = Math.max(1, ...benign);
  return (
    <figure className="histogram">
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={`${label}: score histogram, poisons against benign examples`}>
        {benign.map((c, i) => <rect key={`b${i}`} x={i * bw + 1} y={h - (c / bMax) * (h - 4)} width={bw / 2 - 1} height={(c / bMax) * (h - 4)} className="bar-benign" />)}
        {poisons.map((c, i) => <rect key={`p${i}`} x={i * bw + bw / 2} y={h - (c / pMax) * (h - 4)} width={bw / 2 - 1} height={(c / pMax) * (h - 4)} className="bar-poison" />)}
      </svg>
      <figcaption className="small muted">
        scores {edges[0].toPrecision(3)} to {edges[edges.length - 1].toPrecision(3)}; <span className="key-benign">benign</span> ({benign.reduce((a, b) => a + b, 0)}) and{' '}
        <span className="key-poison">poisons</span> ({poisons.reduce((a, b) => a + b, 0)}), each scaled to its own largest bin
      </figcaption>
    </figure>
  );
}

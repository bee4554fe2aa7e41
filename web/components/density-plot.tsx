/** SVG plot of a density sampled on [0, 1] (server-rendered; no JavaScript needed). */
export function DensityPlot({ samples, width = 220, height = 90, label }: { samples: number[]; width?: number; height?: number; label: string }) {
  if (samples.length < 2) return null;
  const max = Math.max(...samples.filter((v) => Number.isFinite(v)), 1e-9);
  const pad = 4;
  const pts = samples.map((v, i) => {
    const x = pad + (i / (samples.length - 1)) * (width - 2 * pad);
    const y = height - pad - (Math.max(0, Number.isFinite(v) ? v : 0) / max) * (height - 2 * pad);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  const area = `M${pad},${height - pad} L${pts.join(' L')} L${width - pad},${height - pad} Z`;
  return (
    <svg width={width} height={height + 14} role="img" aria-label={`Plot of density ${label} on [0, 1]`}>
      <rect x={0} y={0} width={width} height={height} fill="#f7f9f8" stroke="#dfe3e6" />
      <path d={area} fill="#cfe6dc" stroke="none" />
      <polyline points={pts.join(' ')} fill="none" stroke="#1f6f5c" strokeWidth={1.8} />
      <text x={pad} y={height + 12} fontSize={10} fill="#5f6b73">0 (source)</text>
      <text x={width - pad} y={height + 12} fontSize={10} fill="#5f6b73" textAnchor="end">1 (target)</text>
    </svg>
  );
}

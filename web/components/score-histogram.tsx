'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** A defense's suspicion scores binned, poisons against benign examples (compute's score histogram). */
export interface ScoreHistogramData { edges: number[]; poisons: number[]; benign: number[]; statistic?: string }

/**
 * The score histogram of Carlini's Figure 7: benign counts on the left axis, poison counts on the right one (the two
 * groups differ in size by an order of magnitude, so each keeps its own scale).
 */
export function ScoreHistogram({ edges, poisons, benign, statistic, label, height = 200 }: ScoreHistogramData & { label: string; height?: number }) {
  const data = poisons.map((p, i) => ({ score: Number(((edges[i] + edges[i + 1]) / 2).toPrecision(3)), benign: benign[i] ?? 0, poisons: p }));
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return (
    <figure className="histogram chart" data-testid="score-histogram">
      <div role="img" aria-label={`${label}: suspicion score histogram, ${total(poisons)} poisons against ${total(benign)} benign examples`}>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={data} margin={{ top: 6, right: 4, bottom: 18, left: 0 }} barGap={0} barCategoryGap="10%">
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="score" tick={{ fontSize: 10 }} minTickGap={12}
              label={{ value: statistic ?? 'suspicion score (higher: more suspicious)', position: 'insideBottom', offset: -12, fontSize: 10 }} />
            <YAxis yAxisId="benign" allowDecimals={false} width={36} tick={{ fontSize: 10 }} />
            <YAxis yAxisId="poisons" orientation="right" allowDecimals={false} width={30} tick={{ fontSize: 10 }} />
            <Tooltip />
            <Legend verticalAlign="top" height={20} iconSize={9} wrapperStyle={{ fontSize: 11 }} />
            <Bar yAxisId="benign" dataKey="benign" name="benign (left axis)" className="bar-benign" fill="#8aa4b3" isAnimationActive={false} />
            <Bar yAxisId="poisons" dataKey="poisons" name="poisons (right axis)" className="bar-poison" fill="#c0504d" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

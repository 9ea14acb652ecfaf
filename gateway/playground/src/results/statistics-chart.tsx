import { useEffect, useRef, useState } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { ChartSeries } from './chart-series';

// Only the pieces a bar chart needs: Chart.js tree-shakes the rest out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const BAR_COLOUR = 'hsl(219, 70%, 50%)';

/** A bar per row of the statistics, sized by the measure picked (a count or an amount). */
export function StatisticsChart({ series }: { series: ChartSeries }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [measureName, setMeasureName] = useState(series.measures[0]!.column);
  const measure = series.measures.find((candidate) => candidate.column === measureName) ?? series.measures[0]!;
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: series.labels,
        datasets: [{ label: measure.column, data: measure.values, backgroundColor: BAR_COLOUR }],
      },
      // No animation: the chart is read, not watched, and a screenshot shows it whole.
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    });
    return () => chart.destroy();
  }, [series, measure]);
  return (
    <div className="jembatan-chart-view">
      <div className="jembatan-chart-measures" role="group" aria-label="Measure">
        <span>
          <code>{measure.column}</code> by <code>{series.labelColumn}</code>
        </span>
        {series.measures.length > 1 &&
          series.measures.map(({ column }) => (
            <button
              key={column}
              type="button"
              aria-pressed={column === measure.column}
              onClick={() => setMeasureName(column)}
            >
              {column}
            </button>
          ))}
      </div>
      <div className="jembatan-chart-canvas">
        <canvas ref={canvas} role="img" aria-label={`${measure.column} by ${series.labelColumn}`} />
      </div>
    </div>
  );
}

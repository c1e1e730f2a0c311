import { scaleBand, scaleLinear } from 'd3-scale';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../components/common';

export interface BudgetBar {
  label: string;
  allocated: number;
  disbursed: number;
  spent: number;
}

const WIDTH = 560;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 12, bottom: 36, left: 72 };
const SERIES = ['allocated', 'disbursed', 'spent'] as const;

/** Allocated, disbursed and spent per fiscal year, as grouped SVG bars (one currency); the table below has the figures. */
export function BudgetChart({ bars, currency, title }: { bars: BudgetBar[]; currency: string; title: string }) {
  const { t, i18n } = useTranslation();
  if (bars.length === 0) return null;
  const x = scaleBand<string>()
    .domain(bars.map((bar) => bar.label))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.2);
  const inner = scaleBand<string>().domain([...SERIES]).range([0, x.bandwidth()]).padding(0.08);
  const y = scaleLinear()
    .domain([0, Math.max(...bars.map((bar) => bar.allocated), 1)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  return (
    <figure className="chart-figure">
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} direction="ltr">
        <g className="axis">
          {y.ticks(4).map((tick) => (
            <g key={tick}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="grid" />
              <text x={MARGIN.left - 6} y={y(tick)} dy="0.35em" textAnchor="end">
                {formatNumber(tick, i18n.language, { notation: 'compact' })}
              </text>
            </g>
          ))}
          {bars.map((bar) => (
            <text key={bar.label} x={(x(bar.label) ?? 0) + x.bandwidth() / 2} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle">
              {bar.label}
            </text>
          ))}
        </g>
        {bars.map((bar) =>
          SERIES.map((series) => (
            <rect key={`${bar.label}-${series}`} className={`bar ${series}`} x={(x(bar.label) ?? 0) + (inner(series) ?? 0)} width={inner.bandwidth()} y={y(bar[series])} height={y(0) - y(bar[series])} />
          )),
        )}
      </svg>
      <figcaption>
        <ul className="legend">
          {SERIES.map((series) => (
            <li key={series}>
              <span className={`swatch bar ${series}`} aria-hidden="true" /> {t(`budget.${series}`)} ({currency})
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

import { scaleLinear } from 'd3-scale';
import { formatShare } from '../components/common';
import { useTranslation } from 'react-i18next';

export interface ShareBar {
  key: string;
  label: string;
  share: number;
  /** Highlighted: money reaching civil society. */
  civil?: boolean;
}

const WIDTH = 560;
const ROW = 26;
const MARGIN = { top: 8, right: 56, bottom: 8, left: 190 };

/** Shares (0–1) as horizontal SVG bars, one per row, labelled; the table beside it carries the same figures. */
export function ShareChart({ bars, title }: { bars: ShareBar[]; title: string }) {
  const { i18n } = useTranslation();
  if (bars.length === 0) return null;
  const height = MARGIN.top + MARGIN.bottom + bars.length * ROW;
  const x = scaleLinear().domain([0, 1]).range([MARGIN.left, WIDTH - MARGIN.right]);
  return (
    <figure className="chart-figure">
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} direction="ltr">
        {bars.map((bar, index) => {
          const y = MARGIN.top + index * ROW;
          return (
            <g key={bar.key}>
              <text x={MARGIN.left - 8} y={y + ROW / 2} dy="0.35em" textAnchor="end">
                {bar.label}
              </text>
              <rect className="grid-bar" x={x(0)} width={x(1) - x(0)} y={y + 4} height={ROW - 8} />
              <rect className={`bar share${bar.civil ? ' civil' : ''}`} x={x(0)} width={Math.max(0, x(bar.share) - x(0))} y={y + 4} height={ROW - 8} />
              <text x={x(bar.share) + 6} y={y + ROW / 2} dy="0.35em">
                {formatShare(bar.share, i18n.language)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../components/common';

export interface ChartPoint {
  period: string;
  value: number | null;
  draft?: boolean;
}

const WIDTH = 520;
const HEIGHT = 220;
const MARGIN = { top: 16, right: 96, bottom: 32, left: 48 };

/**
 * An indicator's values over time as an SVG line, with the baseline and the
 * target drawn as labelled reference lines. Time runs left to right in every
 * language (the SVG keeps direction ltr), labels are translated; the table
 * beside it carries the same values as text.
 */
export function IndicatorChart({ points, baseline, target, unit, title }: { points: ChartPoint[]; baseline?: number | null; target?: number | null; unit: string; title: string }) {
  const { t, i18n } = useTranslation();
  const values = points.map((point) => point.value).filter((value): value is number => value !== null);
  const references = [baseline, target].filter((value): value is number => value !== null && value !== undefined);
  const all = [...values, ...references];
  if (points.length === 0 || all.length === 0) return <p className="muted">{t('indicator.noValues')}</p>;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const pad = (max - min || Math.abs(max) || 1) * 0.15;
  const x = scalePoint<string>()
    .domain(points.map((point) => point.period))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.4);
  const y = scaleLinear()
    .domain([unit === '%' ? Math.max(0, min - pad) : min - pad, unit === '%' ? Math.min(100, max + pad) : max + pad])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = line<ChartPoint>()
    .defined((point) => point.value !== null)
    .x((point) => x(point.period) ?? 0)
    .y((point) => y(point.value ?? 0))(points);
  const reference = (value: number | null | undefined, kind: 'baseline' | 'target') =>
    value === null || value === undefined ? null : (
      <g className={`reference ${kind}`}>
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(value)} y2={y(value)} />
        <text x={WIDTH - MARGIN.right + 6} y={y(value)} dy="0.35em">
          {`${t(`indicator.${kind}`)} ${formatNumber(value, i18n.language)}`}
        </text>
      </g>
    );
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} direction="ltr">
      <g className="axis">
        {y.ticks(4).map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={MARGIN.left - 6} y={y(tick)} dy="0.35em" textAnchor="end">
              {formatNumber(tick, i18n.language)}
            </text>
          </g>
        ))}
        {points.map((point) => (
          <text key={point.period} x={x(point.period)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle">
            {point.period}
          </text>
        ))}
      </g>
      {reference(baseline, 'baseline')}
      {reference(target, 'target')}
      {path ? <path d={path} className="series" /> : null}
      {points.map((point) =>
        point.value === null ? null : <circle key={point.period} cx={x(point.period)} cy={y(point.value)} r={4} className={point.draft ? 'point draft' : 'point'} />,
      )}
    </svg>
  );
}

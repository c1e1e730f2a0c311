import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unavailableCountries } from '../api/hub-client';
import { useQuery } from '../api/use-query';
import type { FrameworkCodeValue } from '../router';
import { download, formatNumber, formatShare, QueryView, Section, StatusBadge } from '../components/common';
import { FrameworkMatrixDocument, type FrameworkMatrixQuery } from '../generated/graphql';
import { apiLocale } from '../i18n/i18n';
import { href } from '../router';
import { FrameworkTabs } from './framework-page';
import { toCsv } from './csv';

type Matrix = NonNullable<FrameworkMatrixQuery['framework']>;
type Row = Matrix['current'][number]['rows'][number];

const THIS_YEAR = new Date().getUTCFullYear();
const YEARS = Array.from({ length: 6 }, (_, index) => THIS_YEAR - index);

export function ProgressPage({ framework }: { framework: FrameworkCodeValue }) {
  const { i18n } = useTranslation();
  const [year, setYear] = useState(THIS_YEAR);
  const [showAll, setShowAll] = useState(false);
  const query = useQuery(FrameworkMatrixDocument, { code: framework, year, previousYear: year - 1, locale: apiLocale(i18n.language) });
  return (
    <>
      <FrameworkTabs current={framework} view="progress" />
      <QueryView query={query}>
        {(data) =>
          data.framework ? (
            <ProgressMatrix matrix={data.framework} year={year} setYear={setYear} showAll={showAll} setShowAll={setShowAll} unavailable={unavailableCountries(query.errors)} loading={query.loading} />
          ) : null
        }
      </QueryView>
    </>
  );
}

interface MatrixProps {
  matrix: Matrix;
  year: number;
  setYear(year: number): void;
  showAll: boolean;
  setShowAll(value: boolean): void;
  unavailable: Set<string>;
  loading: boolean;
}

function ProgressMatrix({ matrix, year, setYear, showAll, setShowAll, unavailable, loading }: MatrixProps) {
  const { t, i18n } = useTranslation();
  const [selected, setSelected] = useState<{ countryCode: string; indicatorCode: string } | undefined>();
  const allRows = matrix.current.flatMap((pillar) => pillar.rows);
  const members = useMemo(() => {
    const seen = new Map<string, { code: string; name: string; memberStatus: string }>();
    for (const row of allRows) if (!seen.has(row.countryCode)) seen.set(row.countryCode, { code: row.countryCode, name: row.country.name, memberStatus: row.memberStatus });
    return [...seen.values()];
  }, [allRows]);
  const shown = showAll ? members : members.filter((member) => member.memberStatus !== 'NOT_CONNECTED');
  const cell = new Map(allRows.map((row) => [`${row.indicatorCode}|${row.countryCode}`, row]));
  const previous = new Map(matrix.previous.flatMap((pillar) => pillar.rows).map((row) => [`${row.indicatorCode}|${row.countryCode}`, row.status]));
  const previousSummary = new Map(matrix.previous.map((pillar) => [pillar.pillar, pillar.summary]));
  const statusOf = (row: Row | undefined) => {
    if (!row) return undefined;
    if (row.memberStatus === 'NOT_CONNECTED') return 'NOT_CONNECTED';
    if (unavailable.has(row.countryCode) && !row.status) return 'UNAVAILABLE';
    return row.status ?? 'NO_DATA';
  };
  const selectedRow = selected ? cell.get(`${selected.indicatorCode}|${selected.countryCode}`) : undefined;

  const csvRows = matrix.current.flatMap((pillar) =>
    pillar.indicators.flatMap((indicator) =>
      shown.map((member) => {
        const row = cell.get(`${indicator.code}|${member.code}`);
        const before = previous.get(`${indicator.code}|${member.code}`);
        return [t(`pillar.${pillar.pillar}`), indicator.code, indicator.title, member.code, member.name, t(`memberStatus.${member.memberStatus}`), labelOf(statusOf(row), t), member.memberStatus === 'NOT_CONNECTED' ? '' : labelOf(before ?? 'NO_DATA', t)];
      }),
    ),
  );
  const csvHeader = [t('progress.csv.pillar'), t('progress.csv.indicatorCode'), t('progress.csv.indicator'), t('progress.csv.countryCode'), t('common.country'), t('common.memberStatus'), t('progress.csv.statusIn', { year }), t('progress.csv.statusIn', { year: year - 1 })];

  return (
    <>
      <h1>{t('progress.title', { framework: matrix.shortName })}</h1>
      <div className="toolbar">
        <label>
          {t('progress.year')}{' '}
          <select value={year} onChange={(event) => setYear(Number(event.target.value))} data-testid="year">
            {YEARS.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} /> {t('progress.showNotConnected')}
        </label>
        <button type="button" onClick={() => download(`${matrix.code}-progress-${year}.csv`, 'text/csv;charset=utf-8', toCsv([csvHeader, ...csvRows]))} data-testid="download-csv">
          {t('progress.downloadCsv')}
        </button>
        {loading ? <span role="status">{t('common.loading')}</span> : null}
      </div>
      {[...unavailable].map((country) => (
        <div key={country} className="notice notice-warning" role="status" data-testid="member-unavailable">
          <strong>{t('member.unavailableTitle', { country })}</strong> {t('progress.unavailableText')}
        </div>
      ))}
      <p className="muted">{t('progress.explain')}</p>

      {matrix.current.map((pillar) => {
        const before = previousSummary.get(pillar.pillar);
        return (
          <Section key={pillar.pillar} title={t(`pillar.${pillar.pillar}`)} id={`pillar-${pillar.pillar.toLowerCase()}`}>
            <p data-testid={`pillar-summary-${pillar.pillar}`}>
              {t('progress.pillarSummary', {
                reporting: pillar.summary.reporting,
                onTrack: pillar.summary.onTrack + pillar.summary.achieved,
                offTrack: pillar.summary.offTrack,
                noData: pillar.summary.noData,
                share: formatShare(pillar.summary.onTrackShare, i18n.language),
              })}{' '}
              {before ? t('progress.sinceLastYear', { share: formatShare(before.onTrackShare, i18n.language), year: year - 1 }) : null}
            </p>
            <div className="table-wrap">
              <table className="matrix" data-testid="progress-matrix">
                <caption className="visually-hidden">{t('progress.caption', { pillar: t(`pillar.${pillar.pillar}`), year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('progress.indicator')}</th>
                    {shown.map((member) => (
                      <th scope="col" key={member.code}>
                        <a href={href('country', member.code)}>{member.name}</a>
                      </th>
                    ))}
                    <th scope="col">{t('progress.summary')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pillar.indicators.map((indicator) => {
                    const rows = shown.map((member) => cell.get(`${indicator.code}|${member.code}`));
                    const counts = countStatuses(rows.map(statusOf));
                    return (
                      <tr key={indicator.code}>
                        <th scope="row">
                          <code>{indicator.code}</code> <span className="indicator-title">{indicator.title}</span>
                        </th>
                        {shown.map((member, index) => {
                          const status = statusOf(rows[index]);
                          const before = previous.get(`${indicator.code}|${member.code}`);
                          const changed = status !== 'NOT_CONNECTED' && status !== 'UNAVAILABLE' && before && before !== status;
                          const isSelected = selected?.countryCode === member.code && selected.indicatorCode === indicator.code;
                          return (
                            <td key={member.code} data-cell={`${indicator.code}|${member.code}`}>
                              <button
                                type="button"
                                className={`cell status-${(status ?? 'no_data').toLowerCase()}`}
                                aria-pressed={isSelected}
                                aria-label={`${indicator.code}, ${member.name}: ${labelOf(status, t)}${changed ? `, ${t('progress.changedFrom', { status: labelOf(before, t) })}` : ''}`}
                                onClick={() => setSelected(isSelected ? undefined : { countryCode: member.code, indicatorCode: indicator.code })}
                              >
                                {labelOf(status, t)}
                                {changed ? <span className="changed" aria-hidden="true"> ●</span> : null}
                              </button>
                            </td>
                          );
                        })}
                        <td className="row-summary">{t('progress.rowSummary', counts)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {selectedRow && pillar.indicators.some((indicator) => indicator.code === selected?.indicatorCode) ? <CellDetail row={selectedRow} unavailable={unavailable.has(selectedRow.countryCode)} /> : null}
          </Section>
        );
      })}
    </>
  );
}

function CellDetail({ row, unavailable }: { row: Row; unavailable: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="cell-detail" aria-live="polite" data-testid="cell-detail">
      <h3>
        {row.indicatorCode} · <a href={href('country', row.countryCode)}>{row.country.name}</a>
      </h3>
      {row.memberStatus === 'NOT_CONNECTED' ? <p>{t('progress.notConnectedCell')}</p> : null}
      {unavailable && !row.indicators ? <p>{t('progress.unavailableCell')}</p> : null}
      {row.indicators && row.indicators.length === 0 ? <p>{t('progress.noAligned')}</p> : null}
      {row.indicators && row.indicators.length > 0 ? (
        <ul className="plain-list">
          {row.indicators.map((aligned) => (
            <li key={aligned.indicator.id}>
              <StatusBadge status={aligned.status} /> <code>{aligned.indicator.code}</code> {aligned.indicator.title} ·{' '}
              {aligned.latestValue === null ? t('progress.noValue') : `${formatNumber(aligned.latestValue, i18n.language)} ${aligned.indicator.unit} (${aligned.latestPeriod ?? ''})`}{' '}
              <a href={`${href('country', row.countryCode)}?indicator=${encodeURIComponent(aligned.indicator.id)}`}>{t('progress.openCountry')}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function labelOf(status: string | null | undefined, t: (key: string) => string): string {
  if (!status) return '—';
  if (status === 'NOT_CONNECTED') return t('memberStatus.NOT_CONNECTED');
  if (status === 'UNAVAILABLE') return t('member.unavailable');
  return t(`status.${status}`);
}

function countStatuses(statuses: (string | undefined)[]) {
  const count = (...wanted: string[]) => statuses.filter((status) => status && wanted.includes(status)).length;
  return { onTrack: count('ON_TRACK', 'ACHIEVED'), offTrack: count('OFF_TRACK'), noData: count('NO_DATA', 'UNAVAILABLE') };
}

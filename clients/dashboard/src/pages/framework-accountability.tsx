import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/use-query';
import { DemoTag, formatDate, formatNumber, formatShare, Loading, MemberStatusBadge, QueryView, Section, SourceLink } from '../components/common';
import { CycleStatusDocument, FrameworkAccountabilityDocument, type CycleStatusQuery, type FrameworkAccountabilityQuery, type FrameworkCode } from '../generated/graphql';
import { href } from '../router';

type Cycles = NonNullable<FrameworkAccountabilityQuery['framework']>['reportingCycles'];
type Financing = NonNullable<FrameworkAccountabilityQuery['framework']>['financing'];
type Cycle = NonNullable<CycleStatusQuery['reportingCycle']>;

/**
 * The cycle being reported on now: the latest whose year has ended (states
 * report on a year after it closes), else the first one.
 */
export function currentCycleCode(cycles: Cycles, today = new Date()): string | undefined {
  const ended = cycles.filter((cycle) => cycle.year < today.getUTCFullYear());
  return (ended.length > 0 ? ended.reduce((latest, cycle) => (cycle.year > latest.year ? cycle : latest)) : cycles[0])?.code;
}

/** The framework's reporting and financing panels (issue 13): who handed in, and what reaches civil society. */
export function FrameworkAccountability({ framework, names }: { framework: FrameworkCode; names: Map<string, string> }) {
  const { t } = useTranslation();
  const query = useQuery(FrameworkAccountabilityDocument, { code: framework });
  if (query.loading && !query.data) {
    return (
      <Section title={t('reporting.title')} id="reporting">
        <Loading />
      </Section>
    );
  }
  return (
    <QueryView query={query}>
      {(data) =>
        data.framework ? (
          <>
            <Reporting key={framework} cycles={data.framework.reportingCycles} names={names} />
            <FrameworkFinancing financing={data.framework.financing} names={names} />
          </>
        ) : null
      }
    </QueryView>
  );
}

const STATE_ORDER = { SUBMITTED: 0, RECEIPT_DISAGREES: 1, LATE: 2, OPEN: 3 } as const;

function Reporting({ cycles, names }: { cycles: Cycles; names: Map<string, string> }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(() => currentCycleCode(cycles));
  const status = useQuery(CycleStatusDocument, { code: code ?? '' }, { skip: !code });
  return (
    <Section title={t('reporting.title')} id="reporting">
      {cycles.length === 0 || !code ? (
        <p className="muted">{t('reporting.none')}</p>
      ) : (
        <>
          <label className="inline-controls">
            {t('reporting.cycle')}{' '}
            <select value={code} onChange={(event) => setCode(event.target.value)} data-testid="cycle-picker">
              {cycles.map((cycle) => (
                <option key={cycle.code} value={cycle.code}>
                  {cycle.title}
                </option>
              ))}
            </select>
          </label>
          <QueryView query={status}>{(data) => (data.reportingCycle ? <CycleView cycle={data.reportingCycle} names={names} /> : null)}</QueryView>
        </>
      )}
    </Section>
  );
}

function CycleView({ cycle, names }: { cycle: Cycle; names: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const { summary } = cycle.status;
  const shown = cycle.status.rows.filter((row) => row.memberStatus !== 'NOT_CONNECTED' || row.receipt);
  shown.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || (names.get(a.countryCode) ?? a.countryCode).localeCompare(names.get(b.countryCode) ?? b.countryCode));
  const rest = cycle.status.rows.filter((row) => row.memberStatus === 'NOT_CONNECTED' && !row.receipt);
  const name = (countryCode: string) => names.get(countryCode) ?? countryCode;
  return (
    <div data-testid="reporting-cycle" data-cycle={cycle.code}>
      <p>
        <strong>{cycle.title}</strong> · {t('reporting.due', { date: formatDate(cycle.dueOn, i18n.language) })} <DemoTag show={cycle.dueIllustrative} />
        {cycle.dueIllustrative ? <span className="muted"> {t('reporting.dueIllustrative')}</span> : null}
      </p>
      <p data-testid="reporting-summary">{t('reporting.summary', { ...summary })}</p>
      {summary.disagreements > 0 ? (
        <div className="notice notice-warning" data-testid="reporting-disagreements">
          {t('reporting.disagreements', { count: summary.disagreements })}
        </div>
      ) : null}
      <div className="table-wrap">
        <table data-testid="reporting-table">
          <caption>{t('reporting.caption', { cycle: cycle.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.country')}</th>
              <th scope="col">{t('reporting.state')}</th>
              <th scope="col">{t('reporting.version')}</th>
              <th scope="col">{t('reporting.receivedAt')}</th>
              <th scope="col">{t('reporting.answered')}</th>
              <th scope="col">{t('reporting.gaps')}</th>
              <th scope="col">{t('common.memberStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.countryCode} data-reporting-country={row.countryCode} data-state={row.state}>
                <th scope="row">
                  <a href={href('country', row.countryCode)}>{name(row.countryCode)}</a>
                </th>
                <td>
                  <span className={`badge cycle-${row.state.toLowerCase()}`}>{t(`cycleState.${row.state}`)}</span>
                </td>
                <td>{row.receipt ? row.receipt.version : '—'}</td>
                <td>
                  {row.receipt ? formatDate(row.receipt.receivedAt, i18n.language, true) : '—'}
                  {row.receipt?.late ? <span className="muted"> ({t('reporting.receivedLate')})</span> : null}
                </td>
                <td>{row.receipt ? row.receipt.answered : '—'}</td>
                <td>{row.gaps ?? '—'}</td>
                <td>
                  <MemberStatusBadge status={row.memberStatus} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rest.length > 0 ? (
        <details data-testid="reporting-not-connected">
          <summary>{t('reporting.notHandedIn', { count: rest.length })}</summary>
          <p>{rest.map((row) => name(row.countryCode)).join(', ')}</p>
        </details>
      ) : null}
      {cycle.sources.length > 0 ? (
        <p className="muted break">
          {t('reporting.sources')}:{' '}
          {cycle.sources.map((source, index) => (
            <span key={source}>
              {index > 0 ? ' · ' : ''}
              <SourceLink source={source} />
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

function FrameworkFinancing({ financing, names }: { financing: Financing; names: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const { summary } = financing;
  const members = financing.members.filter((member) => member.memberStatus !== 'NOT_CONNECTED');
  const share = (value: number | null | undefined) => formatShare(value, i18n.language);
  const figure = (label: string, value: number | null | undefined, testId: string) => (
    <div className="figure" data-testid={testId}>
      <span className="figure-value">{share(value)}</span>
      <span className="figure-label">
        {label} <DemoTag show={summary.computedFromDemo} />
      </span>
      <meter min={0} max={1} value={value ?? 0} aria-hidden="true" />
    </div>
  );
  return (
    <Section title={t('financing.title')} id="financing">
      <p>{t('financing.frameworkIntro')}</p>
      <div className="figures">
        {figure(t('financing.meanCivil'), summary.meanShareToCivilSociety, 'financing-civil-society')}
        {figure(t('financing.meanGrassroots'), summary.meanShareToGrassroots, 'financing-grassroots')}
      </div>
      <p data-testid="financing-summary">
        {t('financing.reporting', { reporting: summary.reporting, connected: summary.connected, members: summary.members })}{' '}
        {summary.minShareToCivilSociety !== null && summary.minShareToCivilSociety !== undefined ? t('financing.range', { min: share(summary.minShareToCivilSociety), max: share(summary.maxShareToCivilSociety) }) : ''}{' '}
        {summary.unavailable > 0 ? t('financing.unavailable', { count: summary.unavailable }) : ''}
      </p>
      {summary.computedFromDemo ? (
        <p className="notice notice-info" data-testid="financing-demo">
          <DemoTag /> {t('financing.computedFromDemo', { count: summary.demoMembers })}
        </p>
      ) : null}
      {members.length > 0 ? (
        <div className="table-wrap">
          <table data-testid="financing-table">
            <caption>{t('financing.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.country')}</th>
                <th scope="col">{t('financing.shareToCivilSociety')}</th>
                <th scope="col">{t('financing.shareToGrassroots')}</th>
                <th scope="col">{t('financing.fundingGap')}</th>
                <th scope="col">{t('financing.currency')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.countryCode} data-financing-country={member.countryCode}>
                  <th scope="row">
                    <a href={href('country', member.countryCode)}>{names.get(member.countryCode) ?? member.countryCode}</a> <DemoTag show={member.isDemo === true} />
                  </th>
                  <td>{share(member.shareToCivilSociety)}</td>
                  <td>{share(member.shareToGrassroots)}</td>
                  <td>{formatNumber(member.fundingGap, i18n.language, { maximumFractionDigits: 0 })}</td>
                  <td>{member.currency ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}

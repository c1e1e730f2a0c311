import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/use-query';
import type { FrameworkCodeValue } from '../router';
import { WorldMap, type MapEntry } from '../charts/world-map';
import { DemoTag, formatShare, Loading, MemberStatusBadge, QueryView, Section, StatusBadge } from '../components/common';
import { FrameworkOverviewDocument, IndicatorStatusMapDocument, type FrameworkOverviewQuery } from '../generated/graphql';
import { apiLocale } from '../i18n/i18n';
import { href } from '../router';
import { FrameworkAccountability } from './framework-accountability';

type Framework = NonNullable<FrameworkOverviewQuery['framework']>;

const MEMBER_CATEGORIES = ['ACTIVE', 'NOT_CONNECTED', 'QUARANTINED', 'OFFLINE'] as const;
const PROGRESS_CATEGORIES = ['ACHIEVED', 'ON_TRACK', 'OFF_TRACK', 'NO_DATA', 'NOT_CONNECTED'] as const;

export function FrameworkPage({ framework }: { framework: FrameworkCodeValue }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(FrameworkOverviewDocument, { code: framework, locale: apiLocale(i18n.language) });
  return (
    <>
      <FrameworkTabs current={framework} view="overview" />
      <QueryView query={query}>
        {(data) =>
          data.framework ? (
            <FrameworkOverview framework={data.framework} />
          ) : (
            <p>{t('framework.notFound')}</p>
          )
        }
      </QueryView>
    </>
  );
}

export function FrameworkTabs({ current, view }: { current: FrameworkCodeValue; view: 'overview' | 'progress' }) {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('framework.choose')}>
      <ul>
        {(['AU_CRF', 'EU_GAP_III', 'OSCE'] as const).map((code) => (
          <li key={code}>
            <a href={view === 'progress' ? href('framework', code, 'progress') : href('framework', code)} aria-current={code === current ? 'page' : undefined}>
              {t(`framework.short.${code}`)}
            </a>
          </li>
        ))}
      </ul>
      <ul>
        <li>
          <a href={href('framework', current)} aria-current={view === 'overview' ? 'page' : undefined}>
            {t('framework.overview')}
          </a>
        </li>
        <li>
          <a href={href('framework', current, 'progress')} aria-current={view === 'progress' ? 'page' : undefined}>
            {t('framework.progress')}
          </a>
        </li>
      </ul>
    </nav>
  );
}

function FrameworkOverview({ framework }: { framework: Framework }) {
  const { t, i18n } = useTranslation();
  const [colourBy, setColourBy] = useState<'member' | 'indicator'>('member');
  const [indicatorCode, setIndicatorCode] = useState(framework.indicators[0]?.code ?? '');
  const progress = useQuery(IndicatorStatusMapDocument, { frameworkCode: framework.code, code: indicatorCode }, { skip: colourBy !== 'indicator' || !indicatorCode });
  const members = framework.coverage.members;
  const summary = framework.coverage.summary;
  const illustrative = framework.indicators.some((indicator) => indicator.illustrative);

  let entries: MapEntry[];
  let legend: { category: string; label: string }[];
  if (colourBy === 'indicator' && progress.data?.frameworkIndicator) {
    const rows = new Map(progress.data.frameworkIndicator.progress.rows.map((row) => [row.countryCode, row]));
    const categoryOf = (code: string) => {
      const row = rows.get(code);
      if (!row || row.memberStatus === 'NOT_CONNECTED') return 'NOT_CONNECTED';
      return row.status ?? 'NO_DATA';
    };
    entries = members.map((member) => {
      const category = categoryOf(member.countryCode);
      return { code: member.countryCode, name: member.country.name, category: `status-${category.toLowerCase()}`, label: category === 'NOT_CONNECTED' ? t('memberStatus.NOT_CONNECTED') : t(`status.${category}`) };
    });
    legend = PROGRESS_CATEGORIES.map((category) => ({ category: `status-${category.toLowerCase()}`, label: category === 'NOT_CONNECTED' ? t('memberStatus.NOT_CONNECTED') : t(`status.${category}`) }));
  } else {
    entries = members.map((member) => ({ code: member.countryCode, name: member.country.name, category: `member-${member.memberStatus.toLowerCase()}`, label: t(`memberStatus.${member.memberStatus}`) }));
    legend = MEMBER_CATEGORIES.map((category) => ({ category: `member-${category.toLowerCase()}`, label: t(`memberStatus.${category}`) }));
  }

  const figure = (label: string, count: number, share: number | null | undefined, testId: string) => (
    <div className="figure" data-testid={testId}>
      <span className="figure-value">{formatShare(share, i18n.language)}</span>
      <span className="figure-label">{label}</span>
      <span className="figure-detail">{t('coverage.ofMembers', { count, members: summary.members })}</span>
      <meter min={0} max={1} value={share ?? 0} aria-hidden="true" />
    </div>
  );

  return (
    <>
      <h1>{framework.name}</h1>
      <p className="lead">
        {framework.organisation} · {framework.period.start ?? '?'}–{framework.period.extendedTo ?? framework.period.end ?? '…'}
        {framework.reportingCycle ? ` · ${framework.reportingCycle}` : ''}
      </p>
      <div className="notice notice-info" data-testid="demo-note">
        <strong>{t('demo.noteTitle')}</strong> {t('demo.noteText')}
        {illustrative ? ` ${t('demo.illustrativeCatalogue')}` : ''}
      </div>

      <Section title={t('framework.mapTitle')} id="map">
        <fieldset className="inline-controls">
          <legend>{t('map.colourBy')}</legend>
          <label>
            <input type="radio" name="colour-by" checked={colourBy === 'member'} onChange={() => setColourBy('member')} /> {t('map.byMemberStatus')}
          </label>
          <label>
            <input type="radio" name="colour-by" checked={colourBy === 'indicator'} onChange={() => setColourBy('indicator')} data-testid="colour-by-indicator" /> {t('map.byIndicator')}
          </label>
          {colourBy === 'indicator' ? (
            <label>
              <span className="visually-hidden">{t('map.indicator')}</span>
              <select value={indicatorCode} onChange={(event) => setIndicatorCode(event.target.value)} aria-label={t('map.indicator')}>
                {framework.indicators.map((indicator) => (
                  <option key={indicator.code} value={indicator.code}>
                    {indicator.code} · {indicator.title}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </fieldset>
        {colourBy === 'indicator' && progress.loading ? <Loading /> : null}
        <WorldMap entries={entries} legend={legend} title={t('framework.mapLabel', { framework: framework.shortName })} />
      </Section>

      <Section title={t('coverage.title')} id="coverage">
        <p>{t('coverage.connected', { connected: summary.connected, members: summary.members })}</p>
        <div className="figures">
          {figure(t('coverage.currentPlan'), summary.withCurrentPlan, summary.currentPlanShare, 'coverage-current-plan')}
          {figure(t('coverage.costed'), summary.costed, summary.costedShare, 'coverage-costed')}
          {figure(t('coverage.monitoring'), summary.withMonitoringFramework, summary.monitoringFrameworkShare, 'coverage-monitoring')}
          {figure(t('coverage.reported'), summary.reportedLastCycle, summary.reportedLastCycleShare, 'coverage-reported')}
        </div>
      </Section>

      <FrameworkAccountability framework={framework.code} names={new Map(members.map((member) => [member.countryCode, member.country.name]))} />

      <Section title={t('framework.membersTitle')} id="members">
        <div className="table-wrap">
          <table data-testid="members-table">
            <caption>{t('framework.membersCaption', { framework: framework.shortName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.country')}</th>
                <th scope="col">{t('common.memberStatus')}</th>
                {colourBy === 'indicator' && progress.data?.frameworkIndicator ? <th scope="col">{indicatorCode}</th> : null}
                <th scope="col">{t('coverage.currentPlan')}</th>
                <th scope="col">{t('coverage.costed')}</th>
                <th scope="col">{t('coverage.monitoring')}</th>
                <th scope="col">{t('coverage.reported')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const row = progress.data?.frameworkIndicator?.progress.rows.find((candidate) => candidate.countryCode === member.countryCode);
                return (
                  <tr key={member.countryCode} data-country={member.countryCode}>
                    <th scope="row">
                      <a href={href('country', member.countryCode)}>{member.country.name}</a>
                    </th>
                    <td>
                      <MemberStatusBadge status={member.memberStatus} />
                    </td>
                    {colourBy === 'indicator' && progress.data?.frameworkIndicator ? <td>{row && row.memberStatus !== 'NOT_CONNECTED' ? <StatusBadge status={row.status ?? 'NO_DATA'} /> : '—'}</td> : null}
                    <td>{yesNo(member.hasCurrentPlan, t)}</td>
                    <td>{yesNo(member.costed, t)}</td>
                    <td>{yesNo(member.hasMonitoringFramework, t)}</td>
                    <td>{yesNo(member.reportedLastCycle, t)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Section>

      <Section title={t('framework.catalogueTitle')} id="catalogue">
        <ul className="plain-list">
          {framework.indicators.map((indicator) => (
            <li key={indicator.code}>
              <code>{indicator.code}</code> {indicator.title} {indicator.pillar ? <span className="muted">· {t(`pillar.${indicator.pillar}`)}</span> : null} <DemoTag show={indicator.illustrative} />
            </li>
          ))}
        </ul>
        <p className="muted break">{t('framework.sources')}: {framework.sources.join(' · ')}</p>
      </Section>
    </>
  );
}

function yesNo(value: boolean | null | undefined, t: (key: string) => string): string {
  if (value === null || value === undefined) return '—';
  return value ? t('common.yes') : t('common.no');
}

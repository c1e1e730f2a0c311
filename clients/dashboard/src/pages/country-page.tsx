import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { unavailableCountries } from '../api/hub-client';
import { useQuery, type QueryState } from '../api/use-query';
import { BudgetChart } from '../charts/budget-chart';
import { IndicatorChart } from '../charts/indicator-chart';
import { DemoTag, ErrorNotice, formatNumber, formatShare, Loading, MemberStatusBadge, MemberUnavailable, Section, StatusBadge } from '../components/common';
import {
  CountryAccountabilityDocument,
  CountryBudgetAndReportsDocument,
  CountryHeaderDocument,
  CountryIndicatorsDocument,
  CountryLogframeDocument,
  type CountryBudgetAndReportsQuery,
  type CountryHeaderQuery,
  type CountryIndicatorsQuery,
  type CountryLogframeQuery,
} from '../generated/graphql';
import { apiLocale } from '../i18n/i18n';
import { href, useRoute } from '../router';
import { FollowUps, PlanFinancing, PublicRecordAndCivicVoice } from './country-accountability';

export function CountryPage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const locale = apiLocale(i18n.language);
  const header = useQuery(CountryHeaderDocument, { code, locale });
  const connected = header.data?.country && header.data.country.memberStatus !== 'NOT_CONNECTED';
  const skip = !connected;
  const logframe = useQuery(CountryLogframeDocument, { code }, { skip });
  const indicators = useQuery(CountryIndicatorsDocument, { code, locale }, { skip });
  const budget = useQuery(CountryBudgetAndReportsDocument, { code }, { skip });
  const accountability = useQuery(CountryAccountabilityDocument, { code }, { skip });

  if (header.loading && !header.data) return <Loading />;
  if (header.unreachable) return <ErrorNotice unreachable />;
  const country = header.data?.country;
  if (!country) {
    return (
      <>
        <ErrorNotice errors={header.errors} />
        <p>{t('country.notFound', { code })}</p>
      </>
    );
  }
  const down = unavailableCountries(header.errors).has(code);
  return (
    <>
      <h1 data-testid="country-name">{country.name}</h1>
      <p className="lead">
        <code>{country.code}</code> · <MemberStatusBadge status={country.memberStatus} /> ·{' '}
        {country.memberships.map((membership) => (
          <span key={membership.framework.code} className="membership">
            <a href={href('framework', membership.framework.code)}>{membership.framework.shortName}</a>
            {membership.status === 'SUSPENDED' ? ` (${t('country.suspended')})` : ''}{' '}
          </span>
        ))}
      </p>
      <ErrorNotice errors={header.errors} />
      {country.memberStatus === 'NOT_CONNECTED' ? (
        <div className="notice notice-info" data-testid="not-connected">
          {t('country.notConnected')}
        </div>
      ) : null}
      {country.memberStatus === 'QUARANTINED' || country.memberStatus === 'OFFLINE' ? <div className="notice notice-warning">{t(`country.status.${country.memberStatus}`)}</div> : null}
      {connected ? (
        <Section title={t('country.history')} id="history">
          {down || !country.actionPlans ? <MemberUnavailable country={code} /> : <Timeline plans={country.actionPlans} />}
        </Section>
      ) : null}
      <PublicRecordAndCivicVoice key={code} code={code} connected={Boolean(connected)} />
      {connected ? (
        <>
          <Part query={logframe} code={code} title={t('country.logframe')} id="logframe">
            {(data) => <Logframe plan={data.country?.currentActionPlan} />}
          </Part>
          <Part query={indicators} code={code} title={t('country.indicators')} id="indicators">
            {(data) => <Indicators plan={data.country?.currentActionPlan} />}
          </Part>
          <Part query={budget} code={code} title={t('country.budget')} id="budget">
            {(data) => <Budget plan={data.country?.currentActionPlan} />}
          </Part>
          <Part query={accountability} code={code} title={t('financing.title')} id="financing">
            {(data) => <PlanFinancing plan={data.country?.currentActionPlan} />}
          </Part>
          <Part query={budget} code={code} title={t('country.reports')} id="reports">
            {(data) => <Reports plan={data.country?.currentActionPlan} />}
          </Part>
          <Part query={accountability} code={code} title={t('followUp.title')} id="follow-ups">
            {(data) => <FollowUps plan={data.country?.currentActionPlan} />}
          </Part>
          <Part query={budget} code={code} title={t('country.assessment')} id="assessment">
            {(data) => <Assessment plan={data.country?.currentActionPlan} />}
          </Part>
          <Part query={indicators} code={code} title={t('country.relatedPractices')} id="practices">
            {(data) => <RelatedPractices plan={data.country?.currentActionPlan} />}
          </Part>
        </>
      ) : null}
    </>
  );
}

/** One part of the page: its own loading state, and the member's outage shown here without touching the rest. */
function Part<T extends { country: { currentActionPlan?: unknown } | null }>({ query, code, title, id, children }: { query: QueryState<T>; code: string; title: string; id: string; children: (data: T) => React.ReactNode }) {
  const { t } = useTranslation();
  let body: React.ReactNode;
  if (query.loading && !query.data) body = <Loading />;
  else if (query.unreachable) body = <ErrorNotice unreachable />;
  else if (unavailableCountries(query.errors).has(code) || (query.data && !query.data.country?.currentActionPlan && query.errors.length > 0)) body = <MemberUnavailable country={code} />;
  else if (!query.data?.country?.currentActionPlan) body = <p className="muted">{t('country.noPlan')}</p>;
  else
    body = (
      <>
        <ErrorNotice errors={query.errors} />
        {children(query.data)}
      </>
    );
  return (
    <Section title={title} id={id}>
      {body}
    </Section>
  );
}

type Plans = NonNullable<NonNullable<CountryHeaderQuery['country']>['actionPlans']>;

function Timeline({ plans }: { plans: Plans }) {
  const { t } = useTranslation();
  if (plans.length === 0) return <p className="muted">{t('country.noPlans')}</p>;
  return (
    <ol className="timeline" data-testid="nap-timeline">
      {plans.map((plan) => (
        <li key={plan.id} className={plan.inForce ? 'in-force' : undefined}>
          <div className="timeline-period" dir="ltr">
            {plan.period.start ?? '?'}–{plan.period.end ?? '…'}
          </div>
          <div>
            <strong>
              {t('country.iteration', { iteration: plan.iteration })}: {plan.title}
            </strong>{' '}
            <span className={`badge plan-${plan.status.toLowerCase()}`}>{t(`planStatus.${plan.status}`)}</span> {plan.inForce ? <span className="badge in-force">{t('country.inForce')}</span> : null}
            <DemoTag show={plan.demoFields.length > 0} />
            <div className="muted">
              {plan.adoptedOn ? `${t('country.adopted')} ${plan.adoptedOn}. ` : ''}
              {plan.demoFields.length > 0 ? t('country.demoFields', { fields: plan.demoFields.join(', ') }) : ''}
            </div>
            {plan.sources.conflict ? (
              <div className="muted">
                {t('country.sourcesDisagree')}: {plan.sources.conflict}
              </div>
            ) : null}
            {plan.sources.references.length > 0 ? (
              <details>
                <summary>{t('country.sources')}</summary>
                <ul>
                  {plan.sources.references.map((reference) => (
                    <li key={reference} className="break">
                      {reference}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

type LogframePlan = NonNullable<NonNullable<CountryLogframeQuery['country']>['currentActionPlan']>;

function Logframe({ plan }: { plan: LogframePlan | null | undefined }) {
  const { t } = useTranslation();
  if (!plan) return null;
  return (
    <>
      <p>
        <strong>{plan.title}</strong>
        {plan.leadAgency ? ` · ${t('country.leadAgency')}: ${plan.leadAgency}` : ''}
        {plan.coordinationMechanism ? ` · ${t('country.coordination')}: ${plan.coordinationMechanism}` : ''}
      </p>
      <ul className="logframe" data-testid="logframe">
        {plan.outcomes.map((outcome) => (
          <li key={outcome.id}>
            <details open={plan.outcomes.length <= 3}>
              <summary>
                <code>{outcome.code}</code> {outcome.pillar ? t(`pillar.${outcome.pillar}`) : outcome.nationalPillar}: {outcome.statement} <DemoTag show={outcome.isDemo} />
              </summary>
              <ul>
                {outcome.outputs.map((output) => (
                  <li key={output.id}>
                    <code>{output.code}</code> {output.statement}
                    <ul>
                      {output.activities.map((activity) => (
                        <li key={activity.id}>
                          <code>{activity.code}</code> {activity.title} · <span className={`badge activity-${activity.status.toLowerCase()}`}>{t(`activityStatus.${activity.status}`)}</span>
                          {activity.responsiblePartner ? ` · ${t('country.responsible')}: ${activity.responsiblePartner.name}` : ''}
                          {activity.timeline.startsOn ? ` · ${activity.timeline.startsOn}–${activity.timeline.endsOn ?? ''}` : ''}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
      <h3>{t('country.partners')}</h3>
      <ul className="chips">
        {plan.partners.map((partner) => (
          <li key={partner.id}>
            {partner.name} <span className="muted">({t(`partnerKind.${partner.kind}`)})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

type IndicatorPlan = NonNullable<NonNullable<CountryIndicatorsQuery['country']>['currentActionPlan']>;

function Indicators({ plan }: { plan: IndicatorPlan | null | undefined }) {
  const { t, i18n } = useTranslation();
  const { params } = useRoute();
  const focus = params.get('indicator');
  useEffect(() => {
    if (focus) document.getElementById(`indicator-${focus}`)?.scrollIntoView();
  }, [focus, plan]);
  if (!plan) return null;
  return (
    <div className="indicators">
      {plan.indicators.map((indicator) => {
        const points = indicator.measurements.map((measurement) => ({ period: measurement.period, value: measurement.value, draft: measurement.status === 'DRAFT' }));
        const latest = indicator.measurements[indicator.measurements.length - 1];
        return (
          <article key={indicator.id} id={`indicator-${indicator.id}`} className={`indicator${focus === indicator.id ? ' focused' : ''}`} data-indicator={indicator.code}>
            <h3>
              <code>{indicator.code}</code> {indicator.title} <StatusBadge status={indicator.status} /> <DemoTag show={indicator.isDemo} />
            </h3>
            <p className="muted">
              {t('indicator.baseline')}: {indicator.baseline ? `${formatNumber(indicator.baseline.value, i18n.language)} (${indicator.baseline.year ?? '?'})` : '—'} · {t('indicator.target')}:{' '}
              {indicator.target ? `${formatNumber(indicator.target.value, i18n.language)} (${indicator.target.year ?? '?'})` : '—'} · {t('indicator.unit')}: {indicator.unit}
              {indicator.progress !== null ? ` · ${t('indicator.progress')}: ${formatShare(indicator.progress, i18n.language)}` : ''}
              {indicator.dataSource ? ` · ${t('indicator.source')}: ${indicator.dataSource}` : ''}
            </p>
            {indicator.kind === 'QUANTITATIVE' ? (
              <IndicatorChart points={points} baseline={indicator.baseline?.value} target={indicator.target?.value} unit={indicator.unit} title={t('indicator.chartLabel', { code: indicator.code })} />
            ) : null}
            <details>
              <summary>{t('indicator.valuesTable')}</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('indicator.period')}</th>
                    <th scope="col">{t('indicator.value')}</th>
                    <th scope="col">{t('indicator.status')}</th>
                    <th scope="col">{t('indicator.source')}</th>
                  </tr>
                </thead>
                <tbody>
                  {indicator.measurements.map((measurement) => (
                    <tr key={measurement.id} data-period={measurement.period}>
                      <td>{measurement.period}</td>
                      <td>{measurement.value === null ? (measurement.reportedStatus ? t(`status.${measurement.reportedStatus}`) : '—') : formatNumber(measurement.value, i18n.language)}</td>
                      <td>{t(`publication.${measurement.status}`)}</td>
                      <td>{measurement.source ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            {indicator.disaggregation.length > 0 ? (
              <p>
                {t('indicator.disaggregation')}: {indicator.disaggregation.join(', ')}
                {latest && latest.disaggregatedValues.length > 0
                  ? ` · ${latest.period}: ${latest.disaggregatedValues.map((value) => `${value.dimension}/${value.category} ${formatNumber(value.value, i18n.language)}`).join('; ')}`
                  : ''}
              </p>
            ) : null}
            {latest?.narrative ? (
              <blockquote className="narrative">
                <MemberTextBlock text={latest.narrative} />
              </blockquote>
            ) : null}
          </article>
        );
      })}
    </div>
  );
}

function MemberTextBlock({ text }: { text: string }) {
  return <p>{text}</p>;
}

type BudgetPlan = NonNullable<NonNullable<CountryBudgetAndReportsQuery['country']>['currentActionPlan']>;

function Budget({ plan }: { plan: BudgetPlan | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!plan) return null;
  const { budget } = plan;
  const currencies = budget.totals.map((total) => total.currency);
  const money = (value: number) => formatNumber(value, i18n.language, { maximumFractionDigits: 0 });
  return (
    <>
      <p>
        {t('budget.costed')}: {budget.costed === null ? '—' : budget.costed ? t('common.yes') : t('common.no')} · {t('budget.earmarked')}: {budget.earmarked === null ? '—' : budget.earmarked ? t('common.yes') : t('common.no')}
      </p>
      {budget.totals.length === 0 ? <p className="muted">{t('budget.none')}</p> : null}
      {currencies.map((currency) => (
        <div key={currency}>
          <BudgetChart
            currency={currency}
            title={t('budget.chartLabel', { currency })}
            bars={budget.byFiscalYear.flatMap((year) => year.totals.filter((total) => total.currency === currency).map((total) => ({ label: String(year.fiscalYear), ...total })))}
          />
          <div className="table-wrap">
            <table data-testid="budget-by-year">
              <caption>{t('budget.byYear', { currency })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('budget.fiscalYear')}</th>
                  <th scope="col">{t('budget.allocated')}</th>
                  <th scope="col">{t('budget.disbursed')}</th>
                  <th scope="col">{t('budget.spent')}</th>
                  <th scope="col">{t('budget.executionRate')}</th>
                </tr>
              </thead>
              <tbody>
                {budget.byFiscalYear.flatMap((year) =>
                  year.totals
                    .filter((total) => total.currency === currency)
                    .map((total) => (
                      <tr key={year.fiscalYear}>
                        <th scope="row">{year.fiscalYear}</th>
                        <td>{money(total.allocated)}</td>
                        <td>{money(total.disbursed)}</td>
                        <td>{money(total.spent)}</td>
                        <td>{formatShare(total.executionRate, i18n.language)}</td>
                      </tr>
                    )),
                )}
              </tbody>
            </table>
          </div>
          <div className="table-wrap">
            <table data-testid="budget-by-partner">
              <caption>{t('budget.byPartner', { currency })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('budget.partner')}</th>
                  <th scope="col">{t('budget.allocated')}</th>
                  <th scope="col">{t('budget.disbursed')}</th>
                  <th scope="col">{t('budget.spent')}</th>
                  <th scope="col">{t('budget.executionRate')}</th>
                </tr>
              </thead>
              <tbody>
                {budget.byPartner.flatMap((entry, index) =>
                  entry.totals
                    .filter((total) => total.currency === currency)
                    .map((total) => (
                      <tr key={entry.partner?.id ?? `none-${index}`}>
                        <th scope="row">{entry.partner?.name ?? t('budget.noPartner')}</th>
                        <td>{money(total.allocated)}</td>
                        <td>{money(total.disbursed)}</td>
                        <td>{money(total.spent)}</td>
                        <td>{formatShare(total.executionRate, i18n.language)}</td>
                      </tr>
                    )),
                )}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </>
  );
}

function Reports({ plan }: { plan: BudgetPlan | null | undefined }) {
  const { t } = useTranslation();
  if (!plan) return null;
  if (plan.reports.length === 0) return <p className="muted">{t('reports.none')}</p>;
  return (
    <ul className="plain-list" data-testid="reports">
      {plan.reports.map((report) => (
        <li key={report.id} className="report">
          <h3>
            {report.title} <span className="badge">{t(`reportKind.${report.kind}`)}</span> <DemoTag show={report.isDemo} />
          </h3>
          <p className="muted" dir="ltr">
            {report.period.start}–{report.period.end}
          </p>
          {report.findings.length > 0 ? (
            <>
              <h4>{t('reports.findings')}</h4>
              <ul>
                {report.findings.map((finding, index) => (
                  <li key={index}>{finding}</li>
                ))}
              </ul>
            </>
          ) : null}
          {report.recommendations.length > 0 ? (
            <>
              <h4>{t('reports.recommendations')}</h4>
              <ul>
                {report.recommendations.map((recommendation) => (
                  <li key={recommendation.id}>
                    {recommendation.text}
                    <div className={recommendation.decision ? 'decision' : 'decision muted'}>
                      {recommendation.decision
                        ? `${t('reports.decision')}: ${recommendation.decision.text}${recommendation.decision.decidedBy ? ` (${recommendation.decision.decidedBy}${recommendation.decision.decidedOn ? `, ${recommendation.decision.decidedOn}` : ''})` : ''}`
                        : t('reports.noDecision')}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Assessment({ plan }: { plan: BudgetPlan | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!plan) return null;
  return (
    <>
      <p data-testid="assessment-score">{t('assessment.met', { met: plan.assessment.metCount, total: plan.assessment.criteria.length })}</p>
      <ul className="plain-list">
        {plan.assessment.criteria.map((criterion) => (
          <li key={criterion.criterion}>
            <span className={`badge ${criterion.met ? 'status-achieved' : 'status-off_track'}`}>{criterion.met ? t('assessment.yes') : t('assessment.no')}</span> <strong>{t(`criterion.${criterion.criterion}`)}</strong>: {criterion.evidence}
          </li>
        ))}
      </ul>
      <p className="muted">
        {t('assessment.monitoring', { complete: plan.monitoringFramework.complete, count: plan.monitoringFramework.indicatorCount, share: formatShare(plan.monitoringFramework.completeShare, i18n.language) })}
      </p>
    </>
  );
}

function RelatedPractices({ plan }: { plan: IndicatorPlan | null | undefined }) {
  const { t } = useTranslation();
  if (!plan) return null;
  const weak = plan.indicators.filter((indicator) => (indicator.status === 'OFF_TRACK' || indicator.status === 'NO_DATA') && (indicator.relatedPractices?.length ?? 0) > 0);
  if (weak.length === 0) return <p className="muted">{t('practices.noneNeeded')}</p>;
  return (
    <ul className="plain-list" data-testid="related-practices">
      {weak.map((indicator) => (
        <li key={indicator.id}>
          <strong>
            <code>{indicator.code}</code> {indicator.title}
          </strong>{' '}
          <StatusBadge status={indicator.status} />
          <ul>
            {indicator.relatedPractices!.map((practice) => (
              <li key={practice.id}>
                <a href={href('knowledge', 'practice', practice.id)}>{practice.title}</a> <span className="muted">{practice.countries.map((country) => country.name).join(', ')}</span> <DemoTag show={practice.isDemo} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

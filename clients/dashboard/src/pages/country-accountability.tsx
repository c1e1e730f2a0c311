import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/use-query';
import { ShareChart } from '../charts/share-chart';
import { DemoTag, ErrorNotice, formatDate, formatNumber, formatShare, Loading, MemberText, Section, SourceLink } from '../components/common';
import {
  CountryPublicRecordDocument,
  CountryRecordDisagreementsDocument,
  type CountryAccountabilityQuery,
  type CountryPublicRecordQuery,
  type DatePrecision,
} from '../generated/graphql';
import { numberLocale } from '../i18n/i18n';

type AccountabilityPlan = NonNullable<NonNullable<CountryAccountabilityQuery['country']>['currentActionPlan']>;
type PublicRecordCountry = NonNullable<CountryPublicRecordQuery['country']>;

/** A date of the public record at the precision it is known: "2016", "March 2016", "8 March 2016". */
export function formatRecordDate(value: string, precision: DatePrecision, language: string): string {
  if (precision === 'YEAR') return value.slice(0, 4);
  const date = new Date(`${precision === 'MONTH' ? `${value.slice(0, 7)}-01` : value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  // British English writes the day first ("8 March 2016"), as AU documents do.
  const locale = language === 'en' ? 'en-GB' : numberLocale(language);
  return new Intl.DateTimeFormat(locale, precision === 'MONTH' ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * The public record of the state's NAPs (hub reference data, shown for every
 * state, connected or not), with a notice where the member's own plans differ,
 * and the published civic statements with the state's answers. Both are
 * served by the hub, so they read while the member is down.
 */
export function PublicRecordAndCivicVoice({ code, connected }: { code: string; connected: boolean }) {
  const { t } = useTranslation();
  const record = useQuery(CountryPublicRecordDocument, { code });
  const disagreements = useQuery(CountryRecordDisagreementsDocument, { code }, { skip: !connected });
  const country = record.data?.country;
  const body = (render: (country: PublicRecordCountry) => React.ReactNode) => {
    if (record.loading && !record.data) return <Loading />;
    if (record.unreachable) return <ErrorNotice unreachable />;
    if (!country) return <ErrorNotice errors={record.errors} />;
    return (
      <>
        <ErrorNotice errors={record.errors} />
        {render(country)}
      </>
    );
  };
  const differences = disagreements.data?.country?.recordDisagreements;
  return (
    <>
      <Section title={t('publicRecord.title')} id="public-record">
        {connected ? (
          disagreements.loading && !disagreements.data ? null : differences && differences.length > 0 ? (
            <div className="notice notice-warning" role="status" data-testid="record-disagreements">
              <strong>{t('publicRecord.disagreeTitle')}</strong> {t('publicRecord.disagreeText')}
              <ul>
                {differences.map((difference) => (
                  <li key={`${difference.iteration}-${difference.field}`} data-field={difference.field}>
                    {t('publicRecord.disagreement', {
                      iteration: difference.iteration,
                      field: t(`recordField.${difference.field}`),
                      member: difference.memberValue ?? t('publicRecord.nothing'),
                      record: difference.recordValue ?? t('publicRecord.nothing'),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : differences ? (
            <p className="muted" data-testid="record-agrees">
              {t('publicRecord.agrees')}
            </p>
          ) : (
            <p className="muted">{t('publicRecord.notCompared')}</p>
          )
        ) : null}
        {body((found) => (
          <PublicRecord record={found.publicRecord} />
        ))}
      </Section>
      <Section title={t('civic.title')} id="civic-statements">
        {body((found) => (
          <CivicStatements statements={found.civicStatements} />
        ))}
      </Section>
    </>
  );
}

function PublicRecord({ record }: { record: PublicRecordCountry['publicRecord'] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="muted">{t('publicRecord.intro')}</p>
      {!record.listed || record.iterations.length === 0 ? <p>{t('publicRecord.notListed')}</p> : null}
      <ol className="plain-list" data-testid="public-record">
        {record.iterations.map((iteration) => (
          <li key={iteration.iteration} data-iteration={iteration.iteration}>
            <strong>{t('publicRecord.iteration', { iteration: iteration.iteration })}</strong>{' '}
            <span dir="ltr">
              {iteration.period.start ?? '?'}–{iteration.period.end ?? '…'}
            </span>
            {iteration.adopted ? (
              <>
                {' · '}
                {t('publicRecord.adopted')} <span data-testid="record-adopted">{formatRecordDate(iteration.adopted.value, iteration.adopted.precision, i18n.language)}</span>
              </>
            ) : null}
            {!iteration.verified ? <span className="muted"> · {t('publicRecord.notVerified')}</span> : null}
            {iteration.note ? <div className="muted">{iteration.note}</div> : null}
            {iteration.sourceConflict ? (
              <div className="muted">
                {t('publicRecord.sourceConflict')}: {iteration.sourceConflict}
              </div>
            ) : null}
            {iteration.sources.length > 0 ? (
              <ul>
                {iteration.sources.map((source) => (
                  <li key={source}>
                    <SourceLink source={source} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="muted break">{t('publicRecord.gathered', { source: record.source, gathered: record.gathered })}</p>
    </>
  );
}

function CivicStatements({ statements }: { statements: PublicRecordCountry['civicStatements'] }) {
  const { t, i18n } = useTranslation();
  if (statements.length === 0) return <p className="muted">{t('civic.none')}</p>;
  return (
    <>
      <p className="muted">{t('civic.intro')}</p>
      <ul className="plain-list" data-testid="civic-statements">
        {statements.map((statement) => (
          <li key={statement.id} className="statement" data-statement={statement.id}>
            <h3>
              <MemberText>{statement.title}</MemberText> <span className="badge">{t(`civicKind.${statement.kind}`)}</span>
              {statement.status === 'DRAFT' ? <span className="badge">{t('publication.DRAFT')}</span> : null}
            </h3>
            <p className="muted">
              <MemberText>{statement.organisation}</MemberText> ({t(`authorKind.${statement.authorKind}`)}) · {t('civic.published', { date: formatDate(statement.publishedAt ?? statement.createdAt, i18n.language) })} ·{' '}
              {t('civic.on', { target: t(`civicTarget.${statement.target}`) })}
            </p>
            {statement.status === 'DRAFT' ? <p className="muted">{t('civic.draft')}</p> : null}
            <p>
              <MemberText>{statement.body}</MemberText>
            </p>
            {statement.sourceUrl ? (
              <p>
                <SourceLink source={statement.sourceUrl}>{t('civic.source')}</SourceLink>
              </p>
            ) : null}
            <h4>{t('civic.stateAnswers')}</h4>
            {statement.stateResponses == null ? (
              <p className="notice notice-warning" role="status" data-testid="state-answers-unavailable">
                {t('civic.answersUnavailable')}
              </p>
            ) : statement.stateResponses.length === 0 ? (
              <p className="muted">{t('civic.noAnswer')}</p>
            ) : (
              statement.stateResponses.map((response) => (
                <blockquote key={response.id} className="answer" data-testid="state-answer">
                  <p>
                    <MemberText>{response.body}</MemberText>
                  </p>
                  <footer className="muted">
                    {response.respondedBy}, {formatDate(response.respondedAt, i18n.language)}
                  </footer>
                </blockquote>
              ))
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

const CIVIL: readonly string[] = ['CSO', 'WOMENS_RIGHTS_ORGANISATION', 'GRASSROOTS'];

/** The plan's financing: costed estimate against allocations (the funding gap), gender markers, and who received the disbursements. */
export function PlanFinancing({ plan }: { plan: AccountabilityPlan | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!plan) return null;
  const { financing } = plan;
  const money = (value: number | null | undefined) => formatNumber(value, i18n.language, { maximumFractionDigits: 0 });
  const share = (value: number | null | undefined) => formatShare(value, i18n.language);
  const currency = financing.currency;
  const markers = financing.byCurrency.find((entry) => entry.currency === currency)?.byGenderMarker ?? [];
  const figure = (label: string, value: string, testId: string, detail?: string) => (
    <div className="figure" data-testid={testId}>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
      {detail ? <span className="figure-detail">{detail}</span> : null}
    </div>
  );
  return (
    <div data-testid="plan-financing">
      {financing.isDemo ? (
        <p className="muted">
          <DemoTag /> {t('financing.demoInputs', { inputs: financing.demoInputs.join(', ') })}
        </p>
      ) : null}
      {!currency ? <p className="muted">{t('financing.noCurrency')}</p> : null}
      {currency ? (
        <>
          <div className="figures">
            {figure(`${t('financing.costedEstimate')} (${currency})`, financing.costedEstimate === null || financing.costedEstimate === undefined ? '—' : money(financing.costedEstimate), 'financing-estimate', financing.costedEstimateSource ?? undefined)}
            {figure(`${t('budget.allocated')} (${currency})`, money(financing.allocated), 'financing-allocated', `${t('budget.disbursed')}: ${money(financing.disbursed)} · ${t('budget.spent')}: ${money(financing.spent)}`)}
            {figure(
              `${t('financing.fundingGap')} (${currency})`,
              financing.fundingGap === null || financing.fundingGap === undefined ? '—' : money(financing.fundingGap),
              'financing-gap',
              financing.fundingGap === null || financing.fundingGap === undefined ? t('financing.noEstimate') : financing.fundingGap < 0 ? t('financing.overAllocated') : undefined,
            )}
            {figure(t('financing.shareToCivilSociety'), share(financing.shareToCivilSociety), 'financing-share-civil', `${t('financing.shareToGrassroots')}: ${share(financing.shareToGrassroots)}`)}
          </div>
          {financing.byRecipientType.length > 0 ? (
            <>
              <ShareChart
                title={t('financing.recipientChart', { currency })}
                bars={financing.byRecipientType.map((entry) => ({ key: entry.recipientType, label: t(`recipientType.${entry.recipientType}`), share: entry.share ?? 0, civil: CIVIL.includes(entry.recipientType) }))}
              />
              <div className="table-wrap">
                <table data-testid="financing-by-recipient">
                  <caption>{t('financing.byRecipient', { currency })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('financing.recipientType')}</th>
                      <th scope="col">{t('financing.amount')}</th>
                      <th scope="col">{t('financing.share')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {financing.byRecipientType.map((entry) => (
                      <tr key={entry.recipientType}>
                        <th scope="row">{t(`recipientType.${entry.recipientType}`)}</th>
                        <td>{money(entry.amount)}</td>
                        <td>{share(entry.share)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          {markers.length > 0 ? (
            <div className="table-wrap">
              <table data-testid="financing-by-marker">
                <caption>{t('financing.byMarker', { currency })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('financing.marker')}</th>
                    <th scope="col">{t('budget.allocated')}</th>
                    <th scope="col">{t('financing.share')}</th>
                  </tr>
                </thead>
                <tbody>
                  {markers.map((entry) => (
                    <tr key={entry.genderMarker}>
                      <th scope="row">{t(`genderMarker.${entry.genderMarker}`)}</th>
                      <td>{money(entry.allocated)}</td>
                      <td>{share(entry.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
      {financing.otherCurrencies.length > 0 ? <p className="muted">{t('financing.otherCurrencies', { currencies: financing.otherCurrencies.join(', ') })}</p> : null}
    </div>
  );
}

/** Follow-up actions of the decisions on recommendations, overdue ones highlighted. */
export function FollowUps({ plan }: { plan: AccountabilityPlan | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!plan) return null;
  const actions = plan.followUpActions;
  if (actions.length === 0) return <p className="muted">{t('followUp.none')}</p>;
  const overdue = actions.filter((action) => action.overdue).length;
  return (
    <>
      {overdue > 0 ? (
        <p className="notice notice-warning" data-testid="overdue-count">
          {t('followUp.overdueCount', { count: overdue, total: actions.length })}
        </p>
      ) : null}
      <div className="table-wrap">
        <table data-testid="follow-ups">
          <caption>{t('followUp.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followUp.action')}</th>
              <th scope="col">{t('followUp.responsible')}</th>
              <th scope="col">{t('followUp.due')}</th>
              <th scope="col">{t('followUp.status')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action.id} className={action.overdue ? 'overdue' : undefined} data-overdue={action.overdue ? 'true' : 'false'}>
                <th scope="row">
                  <MemberText>{action.description}</MemberText> <DemoTag show={action.isDemo} />
                </th>
                <td>{action.responsiblePartner ? <MemberText>{action.responsiblePartner.name}</MemberText> : '—'}</td>
                <td>{formatDate(action.dueOn, i18n.language)}</td>
                <td>
                  {t(`followUpStatus.${action.status}`)}
                  {action.completedOn ? ` (${t('followUp.doneOn', { date: formatDate(action.completedOn, i18n.language) })})` : ''} {action.overdue ? <span className="badge followup-overdue">{t('followUp.overdue')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

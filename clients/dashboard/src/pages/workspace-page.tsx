import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { execute, HubUnreachableError, type HubErrorInfo } from '../api/hub-client';
import { useQuery } from '../api/use-query';
import { useSession } from '../auth/session';
import { ErrorNotice, formatDate, formatNumber, MemberUnavailable, QueryView, Section } from '../components/common';
import { AuditLogDocument, ImportMeasurementsDocument, PublishMeasurementDocument, RecordMeasurementDocument, WorkspacePlanDocument, type WorkspacePlanQuery } from '../generated/graphql';
import { href } from '../router';

type Plan = NonNullable<NonNullable<WorkspacePlanQuery['country']>['currentActionPlan']>;

export function WorkspacePage() {
  const { t } = useTranslation();
  const session = useSession();
  const country = session.claims?.country;
  if (!session.hasRole('FOCAL_POINT') || !country) {
    return (
      <div className="card">
        <h1>{t('workspace.title')}</h1>
        <p>
          {t('workspace.signInFirst')} <a href={href('sign-in')}>{t('auth.signIn')}</a>
        </p>
      </div>
    );
  }
  return <Workspace country={country} />;
}

function Workspace({ country }: { country: string }) {
  const { t } = useTranslation();
  const plan = useQuery(WorkspacePlanDocument, { code: country });
  const audit = useQuery(AuditLogDocument, { code: country });
  const refresh = () => {
    plan.reload();
    audit.reload();
  };
  const down = plan.errors.some((error) => error.extensions?.code === 'MEMBER_UNAVAILABLE');
  return (
    <>
      <h1>{t('workspace.titleFor', { country })}</h1>
      <p className="muted">
        {t('workspace.intro')} <a href={href('country', country)}>{t('workspace.publicPage')}</a>
      </p>
      {down ? <MemberUnavailable country={country} /> : null}
      <QueryView query={plan}>
        {(data) =>
          data.country?.currentActionPlan ? (
            <>
              <RecordForm plan={data.country.currentActionPlan} country={country} onDone={refresh} />
              <Drafts plan={data.country.currentActionPlan} country={country} onDone={refresh} />
              <ImportForm plan={data.country.currentActionPlan} country={country} onDone={refresh} />
            </>
          ) : (
            <p>{t('country.noPlan')}</p>
          )
        }
      </QueryView>
      <Section title={t('workspace.audit')} id="audit">
        <QueryView query={audit}>
          {(data) => (
            <div className="table-wrap">
              <table data-testid="audit-log">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.at')}</th>
                    <th scope="col">{t('audit.actor')}</th>
                    <th scope="col">{t('audit.action')}</th>
                    <th scope="col">{t('audit.entity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(data.auditLog ?? []).map((entry) => (
                    <AuditRow key={entry.id} entry={entry} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </Section>
    </>
  );
}

function AuditRow({ entry }: { entry: { at: string; actor: string; action: string; entity: string; entityId: string | null } }) {
  const { i18n } = useTranslation();
  return (
    <tr>
      <td>{formatDate(entry.at, i18n.language, true)}</td>
      <td className="break">{entry.actor}</td>
      <td>{entry.action}</td>
      <td>
        {entry.entity} <span className="muted break">{entry.entityId ?? ''}</span>
      </td>
    </tr>
  );
}

/** Errors by the input field they concern (extensions.field, e.g. "input.period"); the rest for the whole form. */
function byField(errors: HubErrorInfo[]): { fields: Map<string, string>; general: HubErrorInfo[] } {
  const fields = new Map<string, string>();
  const general: HubErrorInfo[] = [];
  for (const error of errors) {
    const field = error.extensions?.field?.replace(/^input\./, '');
    if (field && error.extensions?.code === 'BAD_USER_INPUT') fields.set(field.split('.')[0]!, error.message);
    else general.push(error);
  }
  return { fields, general };
}

function useMutationRunner() {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<HubErrorInfo[]>([]);
  const [unreachable, setUnreachable] = useState(false);
  const run = async <T,>(call: (token: string | undefined) => Promise<{ data: T | null; errors: HubErrorInfo[] }>): Promise<T | null> => {
    setBusy(true);
    setErrors([]);
    setUnreachable(false);
    try {
      const result = await call(session.token);
      setErrors(result.errors);
      return result.errors.length === 0 ? result.data : null;
    } catch (error) {
      setUnreachable(error instanceof HubUnreachableError);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, unreachable, run };
}

function RecordForm({ plan, country, onDone }: { plan: Plan; country: string; onDone(): void }) {
  const { t } = useTranslation();
  const [indicatorId, setIndicatorId] = useState(plan.indicators[0]?.id ?? '');
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const [narrative, setNarrative] = useState('');
  const [source, setSource] = useState('');
  const [saved, setSaved] = useState<string | undefined>();
  const [localError, setLocalError] = useState<string | undefined>();
  const { busy, errors, unreachable, run } = useMutationRunner();
  const { fields, general } = byField(errors);
  if (localError) fields.set('value', localError);
  const indicator = plan.indicators.find((candidate) => candidate.id === indicatorId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    const number = value.trim() === '' ? undefined : Number(value.replace(',', '.'));
    setLocalError(number !== undefined && !Number.isFinite(number) ? t('workspace.notANumber') : undefined);
    if (number !== undefined && !Number.isFinite(number)) return;
    const result = await run((token) =>
      execute(
        RecordMeasurementDocument,
        {
          code: country,
          input: { indicatorId, period: period.trim(), ...(number !== undefined ? { value: number } : {}), ...(narrative.trim() ? { narrative: narrative.trim() } : {}), ...(source.trim() ? { source: source.trim() } : {}) },
        },
        token,
      ),
    );
    if (result?.recordMeasurement) {
      setSaved(t('workspace.saved', { period: result.recordMeasurement.period, version: result.recordMeasurement.version }));
      onDone();
    }
  };
  const fieldError = (name: string) => {
    const message = fields.get(name);
    return message ? (
      <span className="field-error" id={`error-${name}`} role="alert">
        {message}
      </span>
    ) : null;
  };
  const described = (name: string) => (fields.has(name) ? { 'aria-invalid': true, 'aria-describedby': `error-${name}` } : {});
  return (
    <Section title={t('workspace.record')} id="record">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate data-testid="record-form">
        <label>
          {t('workspace.indicator')}
          <select value={indicatorId} onChange={(event) => setIndicatorId(event.target.value)} name="indicator" {...described('indicatorId')}>
            {plan.indicators.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.code} · {candidate.title}
              </option>
            ))}
          </select>
          {fieldError('indicatorId')}
        </label>
        <label>
          {t('workspace.period')} <span className="muted">{t('workspace.periodHint', { start: plan.period.start ?? '?', end: plan.period.end ?? '…' })}</span>
          <input name="period" value={period} onChange={(event) => setPeriod(event.target.value)} {...described('period')} />
          {fieldError('period')}
        </label>
        <label>
          {t('workspace.value')} {indicator ? <span className="muted">({indicator.unit})</span> : null}
          <input name="value" inputMode="decimal" value={value} onChange={(event) => setValue(event.target.value)} {...described('value')} />
          {fieldError('value')}
        </label>
        <label>
          {t('workspace.source')}
          <input name="source" value={source} onChange={(event) => setSource(event.target.value)} {...described('source')} />
          {fieldError('source')}
        </label>
        <label>
          {t('workspace.narrative')}
          <textarea name="narrative" rows={3} value={narrative} onChange={(event) => setNarrative(event.target.value)} {...described('narrative')} />
          {fieldError('narrative')}
        </label>
        <ErrorNotice errors={general} unreachable={unreachable} />
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('workspace.saveDraft')}
        </button>
        {saved ? (
          <p role="status" className="notice notice-success">
            {saved}
          </p>
        ) : null}
      </form>
    </Section>
  );
}

function Drafts({ plan, country, onDone }: { plan: Plan; country: string; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { busy, errors, unreachable, run } = useMutationRunner();
  const drafts = plan.indicators.flatMap((indicator) => indicator.measurements.filter((measurement) => measurement.status === 'DRAFT').map((measurement) => ({ indicator, measurement })));
  const publish = async (id: string) => {
    const result = await run((token) => execute(PublishMeasurementDocument, { code: country, id }, token));
    if (result?.publishMeasurement) onDone();
  };
  return (
    <Section title={t('workspace.drafts')} id="drafts">
      <ErrorNotice errors={errors} unreachable={unreachable} />
      {drafts.length === 0 ? (
        <p className="muted">{t('workspace.noDrafts')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="drafts">
            <thead>
              <tr>
                <th scope="col">{t('workspace.indicator')}</th>
                <th scope="col">{t('workspace.period')}</th>
                <th scope="col">{t('workspace.value')}</th>
                <th scope="col">{t('workspace.recordedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('workspace.publish')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {drafts.map(({ indicator, measurement }) => (
                <tr key={measurement.id} data-draft={`${indicator.code}|${measurement.period}`}>
                  <th scope="row">
                    <code>{indicator.code}</code> {indicator.title}
                  </th>
                  <td>{measurement.period}</td>
                  <td>{formatNumber(measurement.value, i18n.language)}</td>
                  <td>{formatDate(measurement.recordedAt, i18n.language, true)}</td>
                  <td>
                    <button type="button" disabled={busy} onClick={() => void publish(measurement.id)} aria-label={t('workspace.publishLabel', { code: indicator.code, period: measurement.period })}>
                      {t('workspace.publish')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function ImportForm({ plan, country, onDone }: { plan: Plan; country: string; onDone(): void }) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('indicator_code,period,value,source\n');
  const [imported, setImported] = useState<number | undefined>();
  const { busy, errors, unreachable, run } = useMutationRunner();
  const lines = errors.flatMap((error) => error.extensions?.lines ?? []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setImported(undefined);
    const result = await run((token) => execute(ImportMeasurementsDocument, { code: country, planId: plan.id, csv }, token));
    if (result?.importMeasurements) {
      setImported(result.importMeasurements.imported);
      onDone();
    }
  };
  return (
    <Section title={t('workspace.import')} id="import">
      <form className="form" onSubmit={(event) => void submit(event)} data-testid="import-form">
        <label>
          {t('workspace.csvFile')}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void file.text().then(setCsv);
            }}
          />
        </label>
        <label>
          {t('workspace.csvText')}
          <textarea name="csv" rows={6} value={csv} onChange={(event) => setCsv(event.target.value)} spellCheck={false} />
        </label>
        <p className="muted">{t('workspace.csvHint')}</p>
        <button type="submit" disabled={busy}>
          {t('workspace.importButton')}
        </button>
      </form>
      {lines.length > 0 ? (
        <div className="notice notice-error" role="alert" data-testid="import-errors">
          <p>
            <strong>{errors[0]?.message}</strong>
          </p>
          <ul>
            {lines.map((line, index) => (
              <li key={index}>
                {t('workspace.line', { line: line.line })} · <code>{line.field}</code>: {line.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorNotice errors={errors} unreachable={unreachable} />
      )}
      {imported !== undefined ? (
        <p role="status" className="notice notice-success">
          {t('workspace.imported', { count: imported })}
        </p>
      ) : null}
    </Section>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubErrorInfo } from '../api/hub-client';
import type { QueryState } from '../api/use-query';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** What went wrong, for a person: the hub is down, or it answered with errors. */
export function ErrorNotice({ errors, unreachable }: { errors?: HubErrorInfo[]; unreachable?: boolean }) {
  const { t } = useTranslation();
  if (unreachable) {
    return (
      <div className="notice notice-error" role="alert">
        <strong>{t('error.hubUnreachable')}</strong> {t('error.tryAgain')}
      </div>
    );
  }
  const shown = (errors ?? []).filter((error) => error.extensions?.code !== 'MEMBER_UNAVAILABLE');
  if (shown.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert">
      <ul>
        {shown.map((error, index) => (
          <li key={index}>
            {error.message} {error.extensions?.code ? <code>{error.extensions.code}</code> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A member's subgraph did not answer: its part is missing, the rest of the page is not. */
export function MemberUnavailable({ country }: { country: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-warning" role="status" data-testid="member-unavailable">
      <strong>{t('member.unavailableTitle', { country })}</strong> {t('member.unavailableText')}
    </div>
  );
}

/** Loading, then unreachable, then the content (which handles partial errors itself). */
export function QueryView<T>({ query, children }: { query: QueryState<T>; children: (data: T) => ReactNode }) {
  if (query.loading && !query.data) return <Loading />;
  if (query.unreachable) return <ErrorNotice unreachable />;
  if (!query.data) return <ErrorNotice errors={query.errors} />;
  return (
    <>
      <ErrorNotice errors={query.errors} />
      {children(query.data)}
    </>
  );
}

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const { t } = useTranslation();
  const value = status ?? 'UNKNOWN';
  return <span className={`badge status-${value.toLowerCase()}`}>{t(`status.${value}`)}</span>;
}

export function MemberStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge member-${status.toLowerCase()}`}>{t(`memberStatus.${status}`)}</span>;
}

export function DemoTag({ show = true }: { show?: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <span className="badge demo" title={t('demo.tagTitle')}>
      {t('demo.tag')}
    </span>
  );
}

export function Section({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section className="card" id={id} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/** Text another party wrote (member titles, narratives, practices): always a text node, never HTML. */
export function MemberText({ children }: { children: string | null | undefined }) {
  return <>{children ?? ''}</>;
}

/** Only web addresses become links: a source that is a citation stays text. */
export function SourceLink({ source, children }: { source: string; children?: string }) {
  if (/^https?:\/\//i.test(source)) {
    return (
      <a href={source} rel="noopener noreferrer nofollow" target="_blank" className="break">
        {children ?? source}
      </a>
    );
  }
  return <span className="break">{source}</span>;
}

export function formatNumber(value: number | null | undefined, language: string, options?: Intl.NumberFormatOptions): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language === 'ar' ? 'ar-u-nu-latn' : language, { maximumFractionDigits: 1, ...options }).format(value);
}

export function formatShare(value: number | null | undefined, language: string): string {
  return formatNumber(value, language, { style: 'percent', maximumFractionDigits: 0 });
}

export function formatDate(iso: string | null | undefined, language: string, withTime = false): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-u-nu-latn' : language, withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Save text as a file (CSV, .ics) without a server round trip. */
export function download(filename: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { execute } from '../api/hub-client';
import { useQuery } from '../api/use-query';
import { useSession } from '../auth/session';
import { DemoTag, download, ErrorNotice, formatDate, QueryView, Section } from '../components/common';
import { Snippet } from '../components/snippet';
import {
  DirectoryDocument,
  ForumDocument,
  PracticeDocument,
  PracticeListDocument,
  ResourceListDocument,
  SearchDocument,
  SessionIcsDocument,
  SessionsDocument,
  type KnowledgeKind,
  type SessionsQuery,
  type Theme,
} from '../generated/graphql';
import { apiLocale } from '../i18n/i18n';
import { href, navigate, useRoute } from '../router';

const TABS = ['search', 'practices', 'sessions', 'resources', 'forum', 'directory'] as const;
const THEMES: Theme[] = ['MONITORING_EVALUATION', 'FINANCING', 'COORDINATION', 'CIVIL_SOCIETY', 'LOCALIZATION', 'REGIONAL_COOPERATION', 'POLITICAL_WILL', 'INDICATORS', 'REPORTING', 'CAPACITY_BUILDING', 'PARLIAMENTARY_OVERSIGHT'];
const KINDS: KnowledgeKind[] = ['GOOD_PRACTICE', 'LEARNING_SESSION', 'RESOURCE'];

export function KnowledgePage({ tab, id }: { tab?: string; id?: string }) {
  const { t } = useTranslation();
  const current = tab === 'practice' ? 'practices' : (TABS.find((candidate) => candidate === tab) ?? 'search');
  return (
    <>
      <h1>{t('knowledge.title')}</h1>
      <nav className="tabs" aria-label={t('knowledge.sections')}>
        <ul>
          {TABS.map((name) => (
            <li key={name}>
              <a href={href('knowledge', name)} aria-current={current === name ? 'page' : undefined}>
                {t(`knowledge.tab.${name}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'practice' && id ? <PracticeDetail id={id} /> : null}
      {current === 'search' ? <SearchPanel /> : null}
      {current === 'practices' && tab !== 'practice' ? <PracticesPanel /> : null}
      {current === 'sessions' ? <SessionsPanel /> : null}
      {current === 'resources' ? <ResourcesPanel /> : null}
      {current === 'forum' ? <ForumPanel /> : null}
      {current === 'directory' ? <DirectoryPanel /> : null}
    </>
  );
}

function SearchPanel() {
  const { t } = useTranslation();
  const { params } = useRoute();
  const text = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const theme = params.get('theme') ?? '';
  const year = params.get('year') ?? '';
  const [draft, setDraft] = useState({ text, kind, theme, year });
  const filter = {
    ...(kind ? { kinds: [kind as KnowledgeKind] } : {}),
    ...(theme ? { theme: theme as Theme } : {}),
    ...(year && /^\d{4}$/.test(year) ? { year: Number(year) } : {}),
  };
  const query = useQuery(SearchDocument, { query: text, filter }, { skip: !text.trim() });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(Object.entries({ q: draft.text, kind: draft.kind, theme: draft.theme, year: draft.year }).filter(([, value]) => value));
    navigate(`${href('knowledge', 'search')}?${next.toString()}`);
  };
  return (
    <Section title={t('knowledge.tab.search')} id="search">
      <form className="search-form" role="search" onSubmit={submit}>
        <label>
          {t('search.words')} <input type="search" name="q" value={draft.text} onChange={(event) => setDraft({ ...draft, text: event.target.value })} data-testid="search-input" />
        </label>
        <label>
          {t('search.kind')}{' '}
          <select value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value })}>
            <option value="">{t('search.any')}</option>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`knowledgeKind.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('search.theme')}{' '}
          <select value={draft.theme} onChange={(event) => setDraft({ ...draft, theme: event.target.value })}>
            <option value="">{t('search.any')}</option>
            {THEMES.map((value) => (
              <option key={value} value={value}>
                {t(`theme.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('search.year')} <input type="text" inputMode="numeric" size={4} value={draft.year} onChange={(event) => setDraft({ ...draft, year: event.target.value })} />
        </label>
        <button type="submit">{t('search.submit')}</button>
      </form>
      {text ? (
        <QueryView query={query}>
          {(data) => (
            <>
              <p role="status" data-testid="search-count">
                {t('search.count', { count: data.search.totalCount, query: text })}
              </p>
              <ol className="results">
                {data.search.edges.map((edge) => {
                  const node = edge.node;
                  const link =
                    node.__typename === 'GoodPractice' ? href('knowledge', 'practice', node.id) : node.__typename === 'LearningSession' ? `${href('knowledge', 'sessions')}?session=${node.id}` : href('knowledge', 'resources');
                  return (
                    <li key={edge.cursor} data-testid="search-result">
                      <a href={link}>{node.title}</a> <span className="badge">{t(`typename.${node.__typename}`)}</span> {edge.matchedBy === 'FUZZY' ? <span className="badge">{t('search.fuzzy')}</span> : null} <DemoTag show={node.isDemo} />
                      <div>
                        <Snippet text={edge.snippet} />
                      </div>
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </QueryView>
      ) : (
        <p className="muted">{t('search.hint')}</p>
      )}
    </Section>
  );
}

function PracticesPanel() {
  const { t, i18n } = useTranslation();
  const [theme, setTheme] = useState('');
  const query = useQuery(PracticeListDocument, { theme: theme ? (theme as Theme) : undefined, locale: apiLocale(i18n.language) });
  return (
    <Section title={t('knowledge.tab.practices')} id="practices">
      <label>
        {t('search.theme')}{' '}
        <select value={theme} onChange={(event) => setTheme(event.target.value)}>
          <option value="">{t('search.any')}</option>
          {THEMES.map((value) => (
            <option key={value} value={value}>
              {t(`theme.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <QueryView query={query}>
        {(data) => (
          <ul className="plain-list cards">
            {data.goodPractices.map((practice) => (
              <li key={practice.id}>
                <h3>
                  <a href={href('knowledge', 'practice', practice.id)}>{practice.title}</a> <DemoTag show={practice.isDemo} />
                </h3>
                <p className="muted">
                  {practice.countries.map((country) => country.name).join(', ')}
                  {practice.year ? ` · ${practice.year}` : ''} · {practice.themes.map((value) => t(`theme.${value}`)).join(', ')}
                </p>
                <p>{practice.summary}</p>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Section>
  );
}

function PracticeDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(PracticeDocument, { id, locale: apiLocale(i18n.language) });
  return (
    <QueryView query={query}>
      {(data) =>
        data.goodPractice ? (
          <article className="card" data-testid="practice">
            <h2>
              {data.goodPractice.title} <DemoTag show={data.goodPractice.isDemo} />
            </h2>
            <p className="muted">
              {data.goodPractice.countries.map((country) => (
                <a key={country.code} href={href('country', country.code)}>
                  {country.name}{' '}
                </a>
              ))}
              {data.goodPractice.year ? ` · ${data.goodPractice.year}` : ''}
            </p>
            <p>{data.goodPractice.summary}</p>
            {data.goodPractice.evidence ? (
              <>
                <h3>{t('practice.evidence')}</h3>
                <p>{data.goodPractice.evidence}</p>
              </>
            ) : null}
            <p>
              {t('practice.themes')}: {data.goodPractice.themes.map((value) => t(`theme.${value}`)).join(', ')}
              {data.goodPractice.pillars.length > 0 ? ` · ${t('practice.pillars')}: ${data.goodPractice.pillars.map((value) => t(`pillar.${value}`)).join(', ')}` : ''}
            </p>
            <p className="muted break">
              {t('practice.source')}: {data.goodPractice.source}
            </p>
            {data.goodPractice.session ? (
              <p>
                {t('practice.session')}: <a href={`${href('knowledge', 'sessions')}?session=${data.goodPractice.session.id}`}>{data.goodPractice.session.title}</a>
              </p>
            ) : null}
          </article>
        ) : (
          <p>{t('practice.notFound')}</p>
        )
      }
    </QueryView>
  );
}

type Session = SessionsQuery['learningSessions'][number];

function SessionsPanel() {
  const { t, i18n } = useTranslation();
  const query = useQuery(SessionsDocument, {});
  const { params } = useRoute();
  const highlighted = params.get('session');
  const [failure, setFailure] = useState<string | undefined>();
  const saveIcs = async (session: Session) => {
    setFailure(undefined);
    try {
      const result = await execute(SessionIcsDocument, { id: session.id });
      const ics = result.data?.learningSession?.icalendar;
      if (!ics) throw new Error(result.errors[0]?.message ?? 'no calendar');
      download(`${session.title.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60) || 'session'}.ics`, 'text/calendar;charset=utf-8', ics);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Section title={t('knowledge.tab.sessions')} id="sessions">
      {failure ? <ErrorNotice errors={[{ message: failure }]} /> : null}
      <QueryView query={query}>
        {(data) => {
          const months = new Map<string, Session[]>();
          const sorted = [...data.learningSessions].sort((a, b) => a.startsAtUtc.localeCompare(b.startsAtUtc));
          for (const session of sorted) {
            const month = session.startsAtUtc.slice(0, 7);
            months.set(month, [...(months.get(month) ?? []), session]);
          }
          return (
            <div className="calendar" data-testid="calendar">
              {[...months].map(([month, sessions]) => (
                <section key={month} aria-label={formatMonth(month, i18n.language)}>
                  <h3>{formatMonth(month, i18n.language)}</h3>
                  <ul className="plain-list">
                    {sessions.map((session) => (
                      <li key={session.id} className={highlighted === session.id ? 'focused' : undefined} data-testid="session">
                        <time dateTime={session.startsAtUtc}>{formatDate(session.startsAtUtc, i18n.language, session.startsAt.includes('T'))}</time> <strong>{session.title}</strong>{' '}
                        <span className="badge">{t(`sessionKind.${session.kind}`)}</span> <span className="badge">{t(`timing.${session.timing}`)}</span> <DemoTag show={session.isDemo} />
                        <div className="muted">
                          {session.hosts.join(', ')}
                          {session.timeZone ? ` · ${session.timeZone}` : ''}
                          {session.access ? ` · ${t(`access.${session.access}`)}` : ''}
                          {session.chathamHouse ? ` · ${t('session.chathamHouse')}` : ''}
                          {session.seatsLeft !== null ? ` · ${t('session.seatsLeft', { count: session.seatsLeft })}` : ''}
                        </div>
                        {session.summary ? <p>{session.summary}</p> : null}
                        <button type="button" onClick={() => void saveIcs(session)}>
                          {t('session.downloadIcs')}
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          );
        }}
      </QueryView>
    </Section>
  );
}

function formatMonth(month: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-u-nu-latn' : language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

function ResourcesPanel() {
  const { t } = useTranslation();
  const query = useQuery(ResourceListDocument, {});
  return (
    <Section title={t('knowledge.tab.resources')} id="resources">
      <QueryView query={query}>
        {(data) => (
          <ul className="plain-list cards">
            {data.resources.map((resource) => (
              <li key={resource.id}>
                <h3>
                  {resource.title} <span className="badge">{t(`resourceKind.${resource.kind}`)}</span> <DemoTag show={resource.isDemo} />
                </h3>
                <p className="muted">
                  {resource.publisher}
                  {resource.year ? ` · ${resource.year}` : ''}
                </p>
                {resource.summary ? <p>{resource.summary}</p> : null}
                {resource.url ? <p className="muted break">{resource.url}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Section>
  );
}

function NetworkOnly({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session.hasRole('NETWORK_MEMBER', 'NETWORK_ADMIN')) {
    return (
      <p className="notice notice-info">
        {t('knowledge.networkOnly')} <a href={href('sign-in')}>{t('auth.signIn')}</a>
      </p>
    );
  }
  return <>{children}</>;
}

function ForumPanel() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const query = useQuery(ForumDocument, {}, { skip: !session.hasRole('NETWORK_MEMBER', 'NETWORK_ADMIN') });
  return (
    <Section title={t('knowledge.tab.forum')} id="forum">
      <NetworkOnly>
        <QueryView query={query}>
          {(data) => (
            <ul className="plain-list" data-testid="forum">
              {data.forumThreads.map((thread) => (
                <li key={thread.id}>
                  <details>
                    <summary>
                      <strong>{thread.title}</strong> <span className="muted">{t('forum.posts', { count: thread.postCount })} · {formatDate(thread.lastPostAt, i18n.language)}</span> <DemoTag show={thread.isDemo} />
                    </summary>
                    {thread.session ? <p className="muted">{thread.session.title}</p> : null}
                    <ol>
                      {thread.posts.map((post) => (
                        <li key={post.id}>
                          <p className="post-body">{post.body}</p>
                          <p className="muted">
                            {post.authorName ?? t('forum.unattributed')} · {formatDate(post.postedAt, i18n.language, true)}
                          </p>
                        </li>
                      ))}
                    </ol>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </NetworkOnly>
    </Section>
  );
}

function DirectoryPanel() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const query = useQuery(DirectoryDocument, { locale: apiLocale(i18n.language) }, { skip: !session.hasRole('NETWORK_MEMBER', 'NETWORK_ADMIN') });
  return (
    <Section title={t('knowledge.tab.directory')} id="directory">
      <NetworkOnly>
        <QueryView query={query}>
          {(data) => (
            <div className="table-wrap">
              <table data-testid="directory">
                <thead>
                  <tr>
                    <th scope="col">{t('directory.name')}</th>
                    <th scope="col">{t('directory.organisation')}</th>
                    <th scope="col">{t('directory.role')}</th>
                    <th scope="col">{t('common.country')}</th>
                    <th scope="col">{t('directory.email')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.focalPoints.map((person) => (
                    <tr key={person.id}>
                      <th scope="row">
                        {person.name} <DemoTag show={person.isDemo} />
                      </th>
                      <td>{person.organisation}</td>
                      <td>{person.role}</td>
                      <td>{person.country?.name ?? person.regionalOrganisation ?? ''}</td>
                      <td className="break">{person.email}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </NetworkOnly>
    </Section>
  );
}

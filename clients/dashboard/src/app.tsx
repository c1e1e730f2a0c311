import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionProvider, useSession } from './auth/session';
import { changeLanguage, LANGUAGES, type Language } from './i18n/i18n';
import { AdminPage } from './pages/admin-page';
import { CountriesPage } from './pages/countries-page';
import { CountryPage } from './pages/country-page';
import { FrameworkPage } from './pages/framework-page';
import { KnowledgePage } from './pages/knowledge-page';
import { ProgressPage } from './pages/progress-page';
import { SignInPage } from './pages/sign-in-page';
import { WorkspacePage } from './pages/workspace-page';
import { asFramework, href, useRoute, type Route } from './router';


function Page({ route }: { route: Route }) {
  const [first, second, third] = route.segments;
  switch (first) {
    case undefined:
    case 'framework':
      return third === 'progress' ? <ProgressPage framework={asFramework(second)} /> : <FrameworkPage framework={asFramework(second)} />;
    case 'country':
      return <CountryPage code={(second ?? '').toUpperCase()} />;
    case 'countries':
      return <CountriesPage />;
    case 'knowledge':
      return <KnowledgePage tab={second} id={third} />;
    case 'workspace':
      return <WorkspacePage />;
    case 'admin':
      return <AdminPage />;
    case 'sign-in':
      return <SignInPage />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="card">
      <h1>{t('nav.notFound')}</h1>
      <a href={href('framework', 'AU_CRF')}>{t('nav.frameworks')}</a>
    </div>
  );
}

function Header({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const current = route.segments[0] ?? 'framework';
  const link = (to: string, label: string, section: string) => (
    <li>
      <a href={to} aria-current={current === section ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <header className="site-header">
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('nav.skip')}
      </a>
      <div className="brand">
        <a href={href('framework', 'AU_CRF')}>{t('app.title')}</a>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul>
          {link(href('framework', 'AU_CRF'), t('nav.frameworks'), 'framework')}
          {link(href('countries'), t('nav.countries'), 'countries')}
          {link(href('knowledge'), t('nav.knowledge'), 'knowledge')}
          {session.hasRole('FOCAL_POINT') ? link(href('workspace'), t('nav.workspace'), 'workspace') : null}
          {session.hasRole('HUB_ADMIN') ? link(href('admin'), t('nav.admin'), 'admin') : null}
          <li>
            <a href="/graphql">{t('nav.graphiql')}</a>
          </li>
        </ul>
      </nav>
      <div className="header-tools">
        <label>
          <span className="visually-hidden">{t('nav.language')}</span>
          <select value={i18n.language} onChange={(event) => changeLanguage(event.target.value as Language)} aria-label={t('nav.language')} data-testid="language">
            {LANGUAGES.map((language) => (
              <option key={language.code} value={language.code} lang={language.code}>
                {language.label}
              </option>
            ))}
          </select>
        </label>
        {session.token ? (
          <span className="signed-in">
            <span data-testid="signed-in-as">{t('auth.signedInAs', { roles: session.claims?.roles.map((role) => t(`role.${role}`)).join(', ') ?? '', country: session.claims?.country ?? '' })}</span>
            <button type="button" onClick={session.signOut}>
              {t('auth.signOut')}
            </button>
          </span>
        ) : (
          <a className="button" href={href('sign-in')}>
            {t('auth.signIn')}
          </a>
        )}
      </div>
    </header>
  );
}

function Shell() {
  const route = useRoute();
  const { t, i18n } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const key = route.segments.join('/');
  const firstPage = useRef(true);
  useEffect(() => {
    // A new page (not the first one): move focus to it, so keyboard and screen-reader users start at its top.
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    main.current?.focus();
  }, [key]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);
  return (
    <>
      <Header route={route} />
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { decodeClaims } from '../auth/token-store';
import { Section } from '../components/common';
import { href, navigate } from '../router';

const ROLES = ['REGIONAL_ANALYST', 'FOCAL_POINT', 'NETWORK_MEMBER', 'NETWORK_ADMIN', 'CSO', 'PARLIAMENT', 'HUB_ADMIN'] as const;

function landingFor(role: string): string {
  if (role === 'FOCAL_POINT') return href('workspace');
  if (role === 'HUB_ADMIN') return href('admin');
  if (role === 'NETWORK_MEMBER' || role === 'NETWORK_ADMIN') return href('knowledge', 'forum');
  return href('framework', 'AU_CRF');
}

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [devEnabled, setDevEnabled] = useState(false);
  const [role, setRole] = useState<string>('FOCAL_POINT');
  const [country, setCountry] = useState('KE');

  useEffect(() => {
    fetch('/dev/sign-in')
      .then((response) => (response.ok ? (response.json() as Promise<{ enabled?: boolean }>) : { enabled: false }))
      .then((body) => setDevEnabled(body.enabled === true))
      .catch(() => setDevEnabled(false));
  }, []);

  const usePasted = (event: FormEvent) => {
    event.preventDefault();
    const token = pasted.trim().replace(/^Bearer\s+/i, '');
    const claims = decodeClaims(token);
    if (!claims) {
      setError(t('auth.notAToken'));
      return;
    }
    session.signIn(token);
    navigate(landingFor(claims.roles[0] ?? ''));
  };

  const devSignIn = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const response = await fetch('/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, ...(role === 'FOCAL_POINT' ? { country } : {}) }) });
    const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
    if (!response.ok || !body.token) {
      setError(body.error ?? t('error.hubUnreachable'));
      return;
    }
    session.signIn(body.token);
    navigate(landingFor(role));
  };

  return (
    <>
      <h1>{t('auth.signIn')}</h1>
      {session.token ? <p className="notice notice-info">{t('auth.alreadySignedIn')}</p> : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <Section title={t('auth.pasteTitle')} id="paste">
        <form className="form" onSubmit={usePasted}>
          <label>
            {t('auth.token')}
            <textarea rows={3} value={pasted} onChange={(event) => setPasted(event.target.value)} spellCheck={false} autoComplete="off" data-testid="token-input" />
          </label>
          <p className="muted">{t('auth.tokenHint')}</p>
          <button type="submit">{t('auth.useToken')}</button>
        </form>
      </Section>
      {devEnabled ? (
        <Section title={t('auth.devTitle')} id="dev-sign-in">
          <p className="notice notice-warning">{t('auth.devWarning')}</p>
          <form className="form" onSubmit={(event) => void devSignIn(event)} data-testid="dev-sign-in">
            <label>
              {t('auth.role')}
              <select value={role} onChange={(event) => setRole(event.target.value)} name="role">
                {ROLES.map((value) => (
                  <option key={value} value={value}>
                    {t(`role.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            {role === 'FOCAL_POINT' ? (
              <label>
                {t('auth.country')}
                <input value={country} onChange={(event) => setCountry(event.target.value.toUpperCase())} maxLength={2} name="country" />
              </label>
            ) : null}
            <button type="submit">{t('auth.devButton')}</button>
          </form>
        </Section>
      ) : null}
    </>
  );
}

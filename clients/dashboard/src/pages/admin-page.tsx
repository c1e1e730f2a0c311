import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { execute, type HubErrorInfo } from '../api/hub-client';
import { useQuery } from '../api/use-query';
import { useSession } from '../auth/session';
import { ErrorNotice, formatDate, MemberStatusBadge, QueryView, Section } from '../components/common';
import { AdminMembersDocument, RegisterMemberDocument, UpdateMemberDocument } from '../generated/graphql';
import { apiLocale } from '../i18n/i18n';
import { href } from '../router';

export function AdminPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session.hasRole('HUB_ADMIN')) {
    return (
      <div className="card">
        <h1>{t('admin.title')}</h1>
        <p>
          {t('admin.signInFirst')} <a href={href('sign-in')}>{t('auth.signIn')}</a>
        </p>
      </div>
    );
  }
  return <Registry />;
}

function Registry() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const query = useQuery(AdminMembersDocument, { locale: apiLocale(i18n.language) });
  const [errors, setErrors] = useState<HubErrorInfo[]>([]);
  const [message, setMessage] = useState<string | undefined>();
  const [country, setCountry] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const [repoint, setRepoint] = useState<Record<string, string>>({});

  const act = async (call: () => Promise<{ errors: HubErrorInfo[] }>, done: string) => {
    setMessage(undefined);
    const result = await call().catch(() => ({ errors: [{ message: t('error.hubUnreachable') }] }));
    setErrors(result.errors);
    if (result.errors.length === 0) {
      setMessage(done);
      query.reload();
    }
  };
  const register = (event: FormEvent) => {
    event.preventDefault();
    void act(() => execute(RegisterMemberDocument, { input: { countryCode: country.trim().toUpperCase(), endpoint: endpoint.trim() } }, session.token), t('admin.registered', { country: country.toUpperCase() }));
  };
  const update = (code: string, input: { endpoint?: string; status?: 'ACTIVE' | 'OFFLINE' }, done: string) => void act(() => execute(UpdateMemberDocument, { code, input }, session.token), done);

  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p className="muted">{t('admin.intro')}</p>
      <ErrorNotice errors={errors} />
      {message ? (
        <p role="status" className="notice notice-success">
          {message}
        </p>
      ) : null}
      <Section title={t('admin.members')} id="members">
        <QueryView query={query}>
          {(data) => (
            <div className="table-wrap">
              <table data-testid="registry">
                <thead>
                  <tr>
                    <th scope="col">{t('common.country')}</th>
                    <th scope="col">{t('common.memberStatus')}</th>
                    <th scope="col">{t('admin.endpoint')}</th>
                    <th scope="col">{t('admin.lastChecked')}</th>
                    <th scope="col">{t('admin.reason')}</th>
                    <th scope="col">{t('admin.contract')}</th>
                    <th scope="col">{t('admin.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.members.map((member) => (
                    <tr key={member.countryCode} data-member={member.countryCode}>
                      <th scope="row">
                        <a href={href('country', member.countryCode)}>{member.country.name}</a> <code>{member.countryCode}</code>
                      </th>
                      <td>
                        <MemberStatusBadge status={member.status} />
                      </td>
                      <td className="break">
                        <code>{member.adminEndpoint ?? '—'}</code>
                      </td>
                      <td>{formatDate(member.lastCheckedAt, i18n.language, true)}</td>
                      <td className="break">{member.reason ?? ''}</td>
                      <td className="break">{member.contractVersion ?? ''}</td>
                      <td>
                        <form
                          className="inline-form"
                          onSubmit={(event) => {
                            event.preventDefault();
                            update(member.countryCode, { endpoint: repoint[member.countryCode] ?? '' }, t('admin.repointed', { country: member.countryCode }));
                          }}
                        >
                          <label>
                            <span className="visually-hidden">{t('admin.newEndpoint', { country: member.countryCode })}</span>
                            <input type="url" placeholder={t('admin.newEndpointPlaceholder')} value={repoint[member.countryCode] ?? ''} onChange={(event) => setRepoint({ ...repoint, [member.countryCode]: event.target.value })} />
                          </label>
                          <button type="submit">{t('admin.repoint')}</button>
                        </form>
                        {member.status === 'OFFLINE' ? (
                          <button type="button" onClick={() => update(member.countryCode, { status: 'ACTIVE' }, t('admin.broughtBack', { country: member.countryCode }))}>
                            {t('admin.bringBack')}
                          </button>
                        ) : (
                          <button type="button" onClick={() => update(member.countryCode, { status: 'OFFLINE' }, t('admin.tookOffline', { country: member.countryCode }))} data-testid={`offline-${member.countryCode}`}>
                            {t('admin.takeOffline')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </Section>
      <Section title={t('admin.register')} id="register">
        <form className="form" onSubmit={register} data-testid="register-form">
          <label>
            {t('admin.countryCode')}
            <input value={country} onChange={(event) => setCountry(event.target.value)} maxLength={2} required />
          </label>
          <label>
            {t('admin.endpoint')}
            <input type="url" value={endpoint} onChange={(event) => setEndpoint(event.target.value)} placeholder="http://127.0.0.1:4100/graphql" required />
          </label>
          <button type="submit">{t('admin.registerButton')}</button>
        </form>
      </Section>
    </>
  );
}

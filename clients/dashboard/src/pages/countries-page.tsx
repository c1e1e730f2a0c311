import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/use-query';
import { MemberStatusBadge, QueryView } from '../components/common';
import { CountryListDocument } from '../generated/graphql';
import { apiLocale } from '../i18n/i18n';
import { href } from '../router';

export function CountriesPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState('');
  const [connectedOnly, setConnectedOnly] = useState(false);
  const query = useQuery(CountryListDocument, { locale: apiLocale(i18n.language), memberStatus: connectedOnly ? 'ACTIVE' : undefined });
  return (
    <>
      <h1>{t('countries.title')}</h1>
      <div className="toolbar">
        <label>
          {t('countries.filter')} <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </label>
        <label>
          <input type="checkbox" checked={connectedOnly} onChange={(event) => setConnectedOnly(event.target.checked)} /> {t('countries.connectedOnly')}
        </label>
      </div>
      <QueryView query={query}>
        {(data) => (
          <ul className="country-grid">
            {data.countries
              .filter((country) => !filter || country.name.toLocaleLowerCase().includes(filter.toLocaleLowerCase()) || country.code === filter.toUpperCase())
              .map((country) => (
                <li key={country.code}>
                  <a href={href('country', country.code)}>{country.name}</a> <MemberStatusBadge status={country.memberStatus} />
                </li>
              ))}
          </ul>
        )}
      </QueryView>
    </>
  );
}

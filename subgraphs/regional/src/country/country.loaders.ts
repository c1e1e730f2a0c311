import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { MemberStatus } from '../common/enums.js';

/** What regional knows of each state, per request. */
export function createCountryLoaders(dataSource: DataSource) {
  return {
    /**
     * Whether a state's NAP subgraph is connected: its registry entry's
     * status, NOT_CONNECTED without one. Read from the registry's table (as
     * the country filter does): one statement per batch.
     */
    memberStatusByCountry: new DataLoader<string, MemberStatus>(async (codes) => {
      const rows = (await dataSource.query('SELECT country_code, status FROM member WHERE country_code = ANY($1::text[])', [[...codes]])) as {
        country_code: string;
        status: MemberStatus;
      }[];
      const statuses = new Map(rows.map((row) => [row.country_code, row.status]));
      return codes.map((code) => statuses.get(code) ?? MemberStatus.NOT_CONNECTED);
    }),
  };
}

export type CountryLoaders = ReturnType<typeof createCountryLoaders>;

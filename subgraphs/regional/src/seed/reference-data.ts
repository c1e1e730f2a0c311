import { loadFrameworks, loadMemberships, loadNapHistories } from '@wps/data';
import type { DataSource } from 'typeorm';
import { FrameworkCode } from '../common/enums.js';
import { isIsoAlpha2 } from '../country/iso-countries.js';

interface FrameworkSeed {
  code: FrameworkCode;
  organisationCode: 'AU' | 'EU' | 'OSCE';
  organisation: string;
  shortName: string;
  name: string;
  periodStart: number | null;
  periodEnd: number | null;
  periodExtendedTo: number | null;
  reportingCycle: string | null;
  areas: string[];
  sources: string[];
}

const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);

/** Framework facts from data/frameworks.json (sourced); nothing here is invented. */
function frameworkSeeds(): FrameworkSeed[] {
  const facts = loadFrameworks();
  const crf = facts.auCrf.framework as { title: string; source: string[] };
  const gap = facts.euGap3 as {
    period: { start: number; end: number; extendedTo: number; source: string };
    thematicAreasOfEngagement: { title: string }[];
    documents: { source: string }[];
    thematicAreasSource: string;
  };
  const osce = facts.osce as {
    genderActionPlan2004: { source: string[] };
    reportingByParticipatingStates: { fact: string; source: string }[];
  };
  return [
    {
      code: FrameworkCode.AU_CRF,
      organisationCode: 'AU',
      organisation: 'African Union',
      shortName: 'AU CRF',
      name: crf.title,
      periodStart: 2018,
      periodEnd: 2028,
      periodExtendedTo: null,
      reportingCycle: null,
      // The CRF's own pillar list is not verified in the data (see frameworks.json auCrf.pillars): none is claimed here.
      areas: [],
      sources: crf.source,
    },
    {
      code: FrameworkCode.EU_GAP_III,
      organisationCode: 'EU',
      organisation: 'European Union',
      shortName: 'EU GAP III',
      name: 'EU Gender Action Plan III: An ambitious agenda for gender equality and women’s empowerment in EU external action',
      periodStart: gap.period.start,
      periodEnd: gap.period.end,
      periodExtendedTo: gap.period.extendedTo,
      reportingCycle: 'annual (SWD(2020) 284 objectives and indicators are monitored annually)',
      areas: gap.thematicAreasOfEngagement.map((area) => area.title),
      sources: [...gap.documents.map((document) => document.source), gap.period.source, ...gap.thematicAreasSource.split(' ; ')],
    },
    {
      code: FrameworkCode.OSCE,
      organisationCode: 'OSCE',
      organisation: 'Organization for Security and Co-operation in Europe',
      shortName: 'OSCE',
      name: 'OSCE Action Plan for the Promotion of Gender Equality (2004) and WPS commitments',
      periodStart: 2004,
      periodEnd: null,
      periodExtendedTo: null,
      reportingCycle: 'annual, voluntary (Code of Conduct information exchange)',
      areas: [],
      sources: [...osce.genderActionPlan2004.source, ...asStrings(osce.reportingByParticipatingStates[0]?.source)],
    },
  ];
}

/** Known membership start dates (from the notes in data/memberships.json). */
const KNOWN_SINCE: Record<string, Record<string, string>> = {
  AU: { MA: '2017-01-31' },
};

/**
 * Upsert the reference data (countries, frameworks, memberships) from the
 * repository's data files. Runs at every start, in one transaction, so a
 * changed data file is picked up and a failure leaves the old data.
 */
export async function seedReferenceData(dataSource: DataSource): Promise<{ countries: number; memberships: number }> {
  const memberships = loadMemberships();
  const naps = loadNapHistories();
  const seeds = frameworkSeeds();
  const codes = new Set<string>(naps.countries.map((country) => country.iso2));
  for (const organisation of ['AU', 'EU', 'OSCE'] as const) for (const code of memberships[organisation].members) codes.add(code);
  const invalid = [...codes].filter((code) => !isIsoAlpha2(code));
  if (invalid.length > 0) throw new Error(`data files name codes that are not ISO 3166-1 alpha-2: ${invalid.join(', ')}`);

  let membershipCount = 0;
  await dataSource.transaction(async (manager) => {
    await manager.query('INSERT INTO country (code) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [[...codes]]);
    for (const seed of seeds) {
      await manager.query(
        `INSERT INTO framework (code, organisation_code, organisation, name, short_name, period_start, period_end, period_extended_to, reporting_cycle, areas, sources)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (code) DO UPDATE SET organisation_code = $2, organisation = $3, name = $4, short_name = $5, period_start = $6,
           period_end = $7, period_extended_to = $8, reporting_cycle = $9, areas = $10, sources = $11`,
        [seed.code, seed.organisationCode, seed.organisation, seed.name, seed.shortName, seed.periodStart, seed.periodEnd, seed.periodExtendedTo, seed.reportingCycle, seed.areas, seed.sources],
      );
      const organisation = memberships[seed.organisationCode];
      const suspended = new Set(organisation.suspended ?? []);
      await manager.query('DELETE FROM membership WHERE framework_code = $1 AND NOT (country_code = ANY($2::text[]))', [seed.code, organisation.members]);
      for (const code of organisation.members) {
        await manager.query(
          `INSERT INTO membership (framework_code, country_code, status, since, source) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (framework_code, country_code) DO UPDATE SET status = $3, since = $4, source = $5`,
          [seed.code, code, suspended.has(code) ? 'SUSPENDED' : 'ACTIVE', KNOWN_SINCE[seed.organisationCode]?.[code] ?? null, organisation.source],
        );
        membershipCount += 1;
      }
    }
  });
  return { countries: codes.size, memberships: membershipCount };
}

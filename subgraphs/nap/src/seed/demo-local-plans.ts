import { createRandom, uuidFromName } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { IndicatorKind, PublicationStatus } from '../common/enums.js';
import type { IndicatorEntity } from '../indicator/indicator.entity.js';
import { LocalActionPlanEntity } from '../local-plan/local-action-plan.entity.js';
import { LocalIndicatorEntity } from '../local-plan/local-indicator.entity.js';
import { LocalMeasurementEntity } from '../local-plan/local-measurement.entity.js';
import { LocalPlanLevel, LocalValueKind } from '../local-plan/local-plan.type.js';
import type { NationalActionPlanEntity } from '../plan/plan.entity.js';

/**
 * Local plans that really exist, as the sources name them: their level,
 * area, ISO 3166-2 code, whether they were launched (PUBLISHED) or only
 * validated (DRAFT), and their launch date and lead authority where a source
 * gives them. What no source gives (their period) is generated and listed
 * in demoFields; their indicators and values are all generated. Every row is
 * flagged isDemo: the demo network shows what such plans look like, it does
 * not report their real figures.
 */
interface SourcedLocalPlan {
  key: string;
  level: LocalPlanLevel;
  areaName: string;
  areaCode: string | null;
  title: string;
  status: PublicationStatus;
  adoptedOn: string | null;
  leadAuthority: string | null;
  sources: string[];
}

const CCGD_KENYA_CAPS = 'https://ccgdcentre.org/?p=4362';
const KENYA_COUNTY_CODES = 'https://www.nyongesasande.com/iso-3166-2-ke-county-codes/';
const PLATEAU_THIRD_SAP = 'https://www.stonereportersnews.com/news-desk/2736592_plateau-commissioner-highlights-vital-role-of-state-action-plan-in-promoting-women-peace-and-security';
const PLATEAU_LOCAL_PLANS = 'https://brainboxnews.com/pu5h';
const NIGERIA_STATE_CODES = 'https://en.wikipedia.org/wiki/ISO_3166-2:NG';

/** Kenya's County Action Plans localising KNAP II (2020–2024), launched with the State Department for Gender in Baringo, Samburu and Mandera. */
const kenyaCounty = (key: string, name: string, code: string): SourcedLocalPlan => ({
  key,
  level: LocalPlanLevel.PROVINCE,
  areaName: `${name} County`,
  areaCode: code,
  title: `${name} County Action Plan localising the Kenya National Action Plan II on Women, Peace and Security`,
  status: PublicationStatus.PUBLISHED,
  adoptedOn: null,
  leadAuthority: null,
  sources: [CCGD_KENYA_CAPS, KENYA_COUNTY_CODES],
});

/** Plateau's Local Action Plans for three local government areas, derived from its State Action Plan and validated, not yet launched, when reported. */
const plateauArea = (key: string, name: string): SourcedLocalPlan => ({
  key,
  level: LocalPlanLevel.DISTRICT,
  areaName: `${name} Local Government Area, Plateau State`,
  areaCode: null,
  title: `${name} Local Action Plan on Women, Peace and Security (from the Plateau State Action Plan)`,
  status: PublicationStatus.DRAFT,
  adoptedOn: null,
  leadAuthority: null,
  sources: [PLATEAU_LOCAL_PLANS],
});

const SOURCED: Record<string, SourcedLocalPlan[]> = {
  KE: [kenyaCounty('baringo', 'Baringo', 'KE-01'), kenyaCounty('mandera', 'Mandera', 'KE-24'), kenyaCounty('samburu', 'Samburu', 'KE-37')],
  NG: [
    {
      key: 'plateau',
      level: LocalPlanLevel.PROVINCE,
      areaName: 'Plateau State',
      areaCode: 'NG-PL',
      title: 'Third Plateau State Action Plan on UNSCR 1325 and related resolutions on Women, Peace and Security',
      status: PublicationStatus.PUBLISHED,
      adoptedOn: '2024-11',
      leadAuthority: 'Plateau State Ministry of Women Affairs and Social Development',
      sources: [PLATEAU_THIRD_SAP, PLATEAU_LOCAL_PLANS, NIGERIA_STATE_CODES],
    },
    plateauArea('jos-south', 'Jos South'),
    plateauArea('mangu', 'Mangu'),
    plateauArea('wase', 'Wase'),
  ],
};

const SEEDER = 'demo-seed';

/**
 * The local plans of a member whose sources name some (KE, NG), under the
 * national plan that gets full demo content, each with generated indicators
 * that roll up to the plan's first quantitative indicators in "number" and
 * "%", and yearly generated values. Deterministic for a country and a date.
 * Returns how many local plans it wrote (0 for other members).
 */
export async function seedDemoLocalPlans(
  manager: EntityManager,
  countryCode: string,
  plan: Pick<NationalActionPlanEntity, 'id' | 'periodStart' | 'periodEnd'>,
  nationalIndicators: readonly IndicatorEntity[],
  today: Date,
): Promise<number> {
  const sourced = SOURCED[countryCode];
  if (!sourced || plan.periodStart === null) return 0;
  const random = createRandom(`${countryCode}:local-plans`);
  const start = plan.periodStart;
  const end = plan.periodEnd ?? start + 4;
  const lastMeasured = Math.min(end, today.getUTCFullYear() - 1);
  const quantitative = [...nationalIndicators].filter((indicator) => indicator.kind === IndicatorKind.QUANTITATIVE).sort((a, b) => a.position - b.position);
  const targets = [
    ...quantitative.filter((indicator) => indicator.unit === 'number').slice(0, 2).map((indicator) => ({ indicator, kind: LocalValueKind.COUNT })),
    ...quantitative.filter((indicator) => indicator.unit === '%').slice(0, 2).map((indicator) => ({ indicator, kind: LocalValueKind.PERCENTAGE })),
  ];

  const locals: LocalActionPlanEntity[] = [];
  const indicators: LocalIndicatorEntity[] = [];
  const measurements: LocalMeasurementEntity[] = [];
  for (const source of sourced) {
    const id = (...parts: (string | number)[]) => uuidFromName([countryCode, 'local-plan', source.key, ...parts].join(':'));
    const published = source.status === PublicationStatus.PUBLISHED;
    locals.push({
      id: id(),
      planId: plan.id,
      level: source.level,
      areaName: source.areaName,
      areaCode: source.areaCode,
      title: source.title,
      periodStart: start,
      periodEnd: end,
      adoptedOn: source.adoptedOn,
      leadAuthority: source.leadAuthority,
      status: source.status,
      sourceReferences: source.sources,
      demoFields: ['period'],
      isDemo: true,
      draftedBy: SEEDER,
      publishedAt: published ? today : null,
      publishedBy: published ? SEEDER : null,
      createdAt: today,
      updatedAt: today,
    });
    targets.forEach(({ indicator, kind }, position) => {
      const localIndicatorId = id('indicator', indicator.code);
      const percentage = kind === LocalValueKind.PERCENTAGE;
      const baseline = percentage ? 10 + Math.round(random() * 25) : 5 + Math.round(random() * 40);
      const step = percentage ? 1 + random() * 3 : 2 + Math.round(random() * 8);
      indicators.push({
        id: localIndicatorId,
        localPlanId: id(),
        code: `L${position + 1}`,
        title: `${indicator.title} (${source.areaName}, demo)`,
        valueKind: kind,
        targetValue: percentage ? Math.min(100, Math.round(baseline + step * (end - start + 2))) : Math.round(baseline + step * (end - start + 2)),
        targetYear: end,
        nationalIndicatorId: indicator.id,
        position,
        isDemo: true,
      });
      for (let year = start; year <= lastMeasured; year += 1) {
        const value = baseline + step * (year - start) + (random() - 0.5) * step;
        measurements.push({
          id: uuidFromName(`${localIndicatorId}:${year}`),
          localIndicatorId,
          period: String(year),
          value: percentage ? Math.min(100, Math.round(value * 10) / 10) : Math.max(0, Math.round(value)),
          isDemo: true,
          recordedBy: SEEDER,
          recordedAt: today,
        });
      }
    });
  }
  await manager.insert(LocalActionPlanEntity, locals);
  if (indicators.length > 0) await manager.insert(LocalIndicatorEntity, indicators);
  if (measurements.length > 0) await manager.insert(LocalMeasurementEntity, measurements);
  return locals.length;
}

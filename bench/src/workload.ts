import { print } from 'graphql';
import { createRandom, pick } from '@wps/kit';
import {
  ConnectedCountriesDocument,
  CountryProfileDocument,
  FrameworkCoverageDocument,
  FrameworkPlansDocument,
  FrameworkProgressDocument,
  FrameworkProgressExportDocument,
  KnowledgeSearchDocument,
  PillarIndicatorsProgressDocument,
  RecordMeasurementDocument,
} from '@wps/sdk';

/** One kind of request the workload sends: a GraphQL operation of the typed client and how often. */
export interface Operation {
  name: OperationName;
  /** Relative weight in the mix. */
  weight: number;
  /** True for measurement writes (sent with the member's focal-point token). */
  write: boolean;
}

/** A quantitative indicator a member's focal point may record values of, and the years its plan accepts. */
export interface WriteTarget {
  countryCode: string;
  indicatorId: string;
  unit: string;
  years: number[];
}

/** A request body ready to send, and what it is. */
export interface PreparedRequest {
  operation: string;
  countryCode?: string;
  body: string;
}

/**
 * The mix: cross-country reads a regional organisation makes (every member's
 * plans with logframe and budget, published values, framework progress and
 * coverage), a civil-society reader's country profile, and member states
 * recording measurements. Reads are anonymous (public data); writes carry the
 * focal-point token of the member written to.
 */
export const OPERATIONS: readonly Operation[] = [
  { name: 'FrameworkPlans', weight: 15, write: false },
  { name: 'FrameworkProgress', weight: 15, write: false },
  { name: 'PillarIndicatorsProgress', weight: 10, write: false },
  { name: 'FrameworkCoverage', weight: 10, write: false },
  { name: 'CountryProfile', weight: 15, write: false },
  { name: 'ConnectedCountries', weight: 10, write: false },
  { name: 'RecordMeasurement', weight: 25, write: true },
];

const QUERY = {
  FrameworkPlans: print(FrameworkPlansDocument),
  FrameworkProgress: print(FrameworkProgressDocument),
  PillarIndicatorsProgress: print(PillarIndicatorsProgressDocument),
  FrameworkCoverage: print(FrameworkCoverageDocument),
  CountryProfile: print(CountryProfileDocument),
  ConnectedCountries: print(ConnectedCountriesDocument),
  RecordMeasurement: print(RecordMeasurementDocument),
  FrameworkProgressExport: print(FrameworkProgressExportDocument),
  KnowledgeSearch: print(KnowledgeSearchDocument),
} satisfies Record<string, string>;

/** Every operation `prepare` can build: the load mix's and the benchmark's. */
export type OperationName = keyof typeof QUERY;

/**
 * Builds the requests of the mix, one after another. Deterministic for a seed and
 * member list; measurement values are whole numbers from 0 to 100, valid in
 * every unit the demo plans use.
 */
export class Workload {
  private readonly random: () => number;
  private readonly totalWeight: number;

  constructor(
    private readonly members: readonly string[],
    private readonly targets: readonly WriteTarget[],
    private readonly operations: readonly Operation[] = OPERATIONS,
    seed = 'load-test',
  ) {
    this.random = createRandom(seed);
    this.totalWeight = operations.reduce((sum, operation) => sum + operation.weight, 0);
    if (operations.some((operation) => operation.write) && targets.length === 0) throw new Error('the workload writes, but no member has a quantitative indicator in a plan with a known period');
  }

  next(): PreparedRequest {
    let draw = this.random() * this.totalWeight;
    const operation = this.operations.find((candidate) => (draw -= candidate.weight) < 0) ?? this.operations[this.operations.length - 1]!;
    return this.prepare(operation.name);
  }

  prepare(name: OperationName): PreparedRequest {
    const member = pick(this.random, this.members);
    switch (name) {
      case 'FrameworkPlans':
      case 'FrameworkProgress':
      case 'FrameworkCoverage':
      case 'FrameworkProgressExport':
        return this.request(name, { framework: 'AU_CRF' });
      case 'KnowledgeSearch':
        return this.request(name, { query: pick(this.random, ['women mediators', 'gender budgeting', 'sexual violence survivors', 'national action plan monitoring']), first: 10 });
      case 'PillarIndicatorsProgress':
        return this.request(name, { framework: 'AU_CRF', pillar: 'PARTICIPATION' });
      case 'ConnectedCountries':
        return this.request(name, { framework: this.random() < 0.5 ? 'EU_GAP_III' : 'OSCE' });
      case 'CountryProfile':
        return this.request(name, { code: member });
      case 'RecordMeasurement': {
        const target = pick(this.random, this.targets);
        const year = pick(this.random, target.years);
        const month = String(1 + Math.floor(this.random() * 12)).padStart(2, '0');
        const value = Math.round(this.random() * 100);
        return {
          ...this.request(name, {
            countryCode: target.countryCode,
            input: { indicatorId: target.indicatorId, period: `${year}-${month}`, value, source: 'Load test (demo data)', narrative: 'Recorded by the load test.' },
          }),
          countryCode: target.countryCode,
        };
      }
    }
  }

  private request(operation: OperationName, variables: Record<string, unknown>): PreparedRequest {
    return { operation, body: JSON.stringify({ query: QUERY[operation], variables }) };
  }
}

const WRITE_TARGETS_QUERY = `query WriteTargets($countryCode: String!) {
  actionPlans(countryCode: $countryCode) { id period { start end } indicators { id kind unit } }
}`;

/**
 * The indicators the load test may write to: the quantitative indicators of
 * each member's most recent plan with a known period, with the years that
 * plan accepts (up to this year). Read through the gateway like any client.
 */
export async function findWriteTargets(gatewayUrl: string, members: readonly string[]): Promise<WriteTarget[]> {
  const thisYear = new Date().getUTCFullYear();
  const targets: WriteTarget[] = [];
  for (const countryCode of members) {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: WRITE_TARGETS_QUERY, variables: { countryCode } }),
    });
    const body = (await response.json()) as {
      data?: { actionPlans: { id: string; period: { start: number | null; end: number | null }; indicators: { id: string; kind: string; unit: string }[] }[] | null };
    };
    const plans = (body.data?.actionPlans ?? []).filter((plan) => plan.period.start !== null && plan.period.start <= thisYear);
    const plan = plans.sort((a, b) => b.period.start! - a.period.start!)[0];
    if (!plan) continue;
    const last = Math.min(plan.period.end ?? thisYear, thisYear);
    const years = Array.from({ length: last - plan.period.start! + 1 }, (_, index) => plan.period.start! + index);
    for (const indicator of plan.indicators) {
      if (indicator.kind === 'QUANTITATIVE') targets.push({ countryCode, indicatorId: indicator.id, unit: indicator.unit, years });
    }
  }
  return targets;
}

import { buildFederatedSchema } from '@wps/kit';
import type { GraphQLSchema } from 'graphql';
import { resolveCountryReference } from './country/country.reference.js';
import { CountryResolver } from './country/country.resolver.js';
import { Country } from './country/country.type.js';
import { resolveIndicatorReference } from './indicator/indicator.reference.js';
import { IndicatorResolver } from './indicator/indicator.resolver.js';
import { Indicator } from './indicator/indicator.type.js';
import { resolveMeasurementReference } from './measurement/measurement.reference.js';
import { Measurement } from './measurement/measurement.type.js';
import { resolvePlanReference } from './plan/plan.reference.js';
import { PlanResolver } from './plan/plan.resolver.js';
import { NationalActionPlan } from './plan/plan.type.js';

/** The NAP contract as a Federation 2 subgraph schema (the same for every member state). */
export function buildNapSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [CountryResolver, PlanResolver, IndicatorResolver],
      orphanedTypes: [Country, NationalActionPlan, Indicator, Measurement],
    },
    {
      Country: resolveCountryReference,
      NationalActionPlan: resolvePlanReference,
      Indicator: resolveIndicatorReference,
      Measurement: resolveMeasurementReference,
    },
  );
}

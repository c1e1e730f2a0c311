import { buildFederatedSchema } from '@wps/kit';
import type { GraphQLSchema } from 'graphql';
import { resolveCountryReference } from './country/country.reference.js';
import { CountryResolver } from './country/country.resolver.js';
import { Country } from './country/country.type.js';
import { resolvePracticeReference } from './practice/practice.reference.js';
import { GoodPracticeResolver } from './practice/practice.resolver.js';
import { GoodPractice } from './practice/practice.type.js';
import { resolveSessionReference } from './session/session.reference.js';
import { LearningSessionResolver } from './session/session.resolver.js';
import { LearningSession } from './session/session.type.js';

export function buildKnowledgeSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [CountryResolver, GoodPracticeResolver, LearningSessionResolver],
      orphanedTypes: [Country, GoodPractice, LearningSession],
    },
    { Country: resolveCountryReference, GoodPractice: resolvePracticeReference, LearningSession: resolveSessionReference },
  );
}

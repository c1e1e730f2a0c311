import { buildFederatedSchema } from '@wps/kit';
import type { GraphQLSchema } from 'graphql';
import { CivicStatement, ProgressReport } from './civic-voice/civic-voice.type.js';
import { CivicStatementResolver, CountryCivicStatementsResolver, PlanCivicStatementsResolver } from './civic-voice/civic-voice.resolver.js';
import { resolveCivicStatementReference } from './civic-voice/civic-voice.reference.js';
import { resolveCountryReference } from './country/country.reference.js';
import { Country } from './country/country.type.js';
import { FocalPointResolver } from './focal-point/focal-point.resolver.js';
import { resolveForumThreadReference } from './forum/forum.reference.js';
import { ForumPostResolver, ForumThreadResolver, SessionForumResolver } from './forum/forum.resolver.js';
import { ForumThread } from './forum/forum.type.js';
import { resolveIndicatorReference } from './indicator/indicator.reference.js';
import { IndicatorResolver } from './indicator/indicator.resolver.js';
import { Indicator, Outcome, Output } from './indicator/indicator.type.js';
import { resolvePlanReference } from './plan/plan.reference.js';
import { NationalActionPlanResolver } from './plan/plan.resolver.js';
import { NationalActionPlan } from './plan/plan.type.js';
import { PersonMutationResolver } from './person/person-mutation.resolver.js';
import { GoodPracticeMutationResolver } from './practice/practice-mutation.resolver.js';
import { resolvePracticeReference } from './practice/practice.reference.js';
import { CountryPracticesResolver, GoodPracticeResolver, SessionPracticesResolver } from './practice/practice.resolver.js';
import { GoodPractice } from './practice/practice.type.js';
import { SessionInvitationResolver, SessionRegistrationResolver, SessionRegistrationsResolver } from './registration/registration.resolver.js';
import { resolveResourceReference } from './resource/resource.reference.js';
import { ResourceResolver } from './resource/resource.resolver.js';
import { Resource } from './resource/resource.type.js';
import { SearchResolver } from './search/search.resolver.js';
import { resolveSessionReference } from './session/session.reference.js';
import { LearningSessionResolver } from './session/session.resolver.js';
import { LearningSession } from './session/session.type.js';

/** The knowledge subgraph's schema. The order of `resolvers` and `orphanedTypes` is the order schema.graphql lists fields and types in. */
export function buildKnowledgeSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        FocalPointResolver,
        PersonMutationResolver,
        ForumThreadResolver,
        ForumPostResolver,
        GoodPracticeResolver,
        GoodPracticeMutationResolver,
        SessionRegistrationResolver,
        SessionInvitationResolver,
        ResourceResolver,
        SearchResolver,
        SessionRegistrationsResolver,
        LearningSessionResolver,
        SessionPracticesResolver,
        SessionForumResolver,
        CountryPracticesResolver,
        CountryCivicStatementsResolver,
        IndicatorResolver,
        NationalActionPlanResolver,
        PlanCivicStatementsResolver,
        CivicStatementResolver,
      ],
      orphanedTypes: [
        GoodPractice,
        Country,
        LearningSession,
        ForumThread,
        Outcome,
        Output,
        Indicator,
        NationalActionPlan,
        Resource,
        CivicStatement,
        ProgressReport,
      ],
    },
    {
      Country: resolveCountryReference,
      GoodPractice: resolvePracticeReference,
      LearningSession: resolveSessionReference,
      Resource: resolveResourceReference,
      ForumThread: resolveForumThreadReference,
      Indicator: resolveIndicatorReference,
      NationalActionPlan: resolvePlanReference,
      CivicStatement: resolveCivicStatementReference,
    },
  );
}

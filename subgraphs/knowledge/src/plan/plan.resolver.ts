import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { CRITERION_THEMES } from '../common/themes.js';
import { GoodPractice } from '../practice/practice.type.js';
import { NationalActionPlan, PlanWeakSpot } from './plan.type.js';

const REQUIRES_ASSESSMENT = '@requires(fields: "assessment { criteria { criterion met } }")';

/** The criteria of the plan's assessment that are not met, in the assessment's order; null without an assessment. */
function unmetCriteria(plan: NationalActionPlan) {
  const criteria = plan.assessment?.criteria;
  if (!Array.isArray(criteria)) return null;
  return criteria.filter((criterion) => criterion.met === false && criterion.criterion in CRITERION_THEMES).map((criterion) => criterion.criterion);
}

@Resolver(() => NationalActionPlan)
export class NationalActionPlanResolver {
  @Directive(REQUIRES_ASSESSMENT)
  @FieldResolver(() => [GoodPractice], {
    nullable: true,
    description:
      "Who solved this: up to ten published practices from other states on the plan's weak spots (unmet criteria: RESOURCES → FINANCING, RESULTS_BASED_MONITORING → MONITORING_EVALUATION and INDICATORS, INCLUSIVE_DESIGN → CIVIL_SOCIETY, COORDINATION → COORDINATION, REPORTING_REGULARITY → REPORTING, POLITICAL_WILL → POLITICAL_WILL and PARLIAMENTARY_OVERSIGHT), those answering most weak spots first; null when the member's data could not be read.",
  })
  async weakSpotPractices(@Root() plan: NationalActionPlan, @Ctx() context: KnowledgeContext): Promise<GoodPractice[] | null> {
    const unmet = unmetCriteria(plan);
    if (unmet === null) return null;
    if (unmet.length === 0) return [];
    const themes = [...new Set(unmet.flatMap((criterion) => CRITERION_THEMES[criterion]))];
    return context.loaders.relatedPractices.load({ excludeCountry: plan.countryCode, pillars: [], themes, limit: 10 });
  }

  @Directive(REQUIRES_ASSESSMENT)
  @FieldResolver(() => [PlanWeakSpot], { nullable: true, description: "Each unmet criterion of the plan's assessment with practices from other states that answer it." })
  async weakSpots(@Root() plan: NationalActionPlan, @Ctx() context: KnowledgeContext): Promise<PlanWeakSpot[] | null> {
    const unmet = unmetCriteria(plan);
    if (unmet === null) return null;
    return Promise.all(
      unmet.map(async (criterion) => ({
        criterion,
        themes: CRITERION_THEMES[criterion],
        practices: await context.loaders.relatedPractices.load({ excludeCountry: plan.countryCode, pillars: [], themes: CRITERION_THEMES[criterion], limit: 3 }),
      })),
    );
  }
}

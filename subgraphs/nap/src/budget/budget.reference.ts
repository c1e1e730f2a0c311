import { entityReference } from '../member/entity-reference.js';

/** `_entities` for BudgetLine: by `countryCode id`, through the request's loader (published ones only for the public). */
export const resolveBudgetLineReference = entityReference((context, id) => context.loaders.budgetLineById.load(id));

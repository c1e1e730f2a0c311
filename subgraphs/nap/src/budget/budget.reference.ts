import { entityReference, memberScoped } from '../member/entity-reference.js';

/** `_entities` for BudgetLine: by `countryCode id`, through the request's loader (published ones only for the public). */
export const resolveBudgetLineReference = entityReference((context, id) => context.loaders.budgetLineById.load(id));

/** MemberFinancing is a question put to this member (its key, the country): the representation is the object. */
export const resolveMemberFinancingReference = memberScoped([]);

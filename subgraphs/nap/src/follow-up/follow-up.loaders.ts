import type { LoaderSource } from '../common/loader-source.js';
import { FollowUpActionEntity } from './follow-up.entity.js';
import { toFollowUpAction } from './follow-up.mapper.js';

/** The follow-up actions of recommendations, per request, soonest due first. */
export function createFollowUpLoaders(source: LoaderSource) {
  return {
    followUpActionsByRecommendationId: source.byParent(FollowUpActionEntity, 'recommendationId', toFollowUpAction, { dueOn: 'ASC', id: 'ASC' }),
  };
}

export type FollowUpLoaders = ReturnType<typeof createFollowUpLoaders>;

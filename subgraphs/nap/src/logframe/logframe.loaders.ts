import type { LoaderSource } from '../common/loader-source.js';
import { ActivityEntity } from './activity.entity.js';
import { toActivity, toOutcome, toOutput } from './logframe.mapper.js';
import { OutcomeEntity } from './outcome.entity.js';
import { OutputEntity } from './output.entity.js';

/** Items of a logframe are listed in the order they were added, then by code. */
const LISTED = { position: 'ASC', code: 'ASC' } as const;

/** The logframe of the member's plans (outcomes, outputs, activities), per request. */
export function createLogframeLoaders(source: LoaderSource) {
  return {
    outcomesByPlanId: source.byParent(OutcomeEntity, 'planId', toOutcome, LISTED),
    outcomeById: source.byId(OutcomeEntity, toOutcome),
    outputsByOutcomeId: source.byParent(OutputEntity, 'outcomeId', toOutput, LISTED),
    outputById: source.byId(OutputEntity, toOutput),
    activitiesByOutputId: source.byParent(ActivityEntity, 'outputId', toActivity, LISTED),
    activityById: source.byId(ActivityEntity, toActivity),
  };
}

export type LogframeLoaders = ReturnType<typeof createLogframeLoaders>;

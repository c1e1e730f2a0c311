import { createGroupLoader, createRowLoader } from '@wps/kit';
import type { LoaderSource } from '../common/loader-source.js';
import { ActivityEntity } from './activity.entity.js';
import { toActivity, toOutcome, toOutput } from './logframe.mapper.js';
import type { Activity, Outcome, Output } from './logframe.type.js';
import { OutcomeEntity } from './outcome.entity.js';
import { OutputEntity } from './output.entity.js';

/** The logframe of the member's plans (outcomes, outputs, activities), per request. */
export function createLogframeLoaders(source: LoaderSource) {
  const { countryCode } = source;
  return {
    outcomesByPlanId: createGroupLoader<string, Outcome>(
      async (ids) => (await source.rowsWhere(OutcomeEntity, 'planId', ids, {}, { position: 'ASC', code: 'ASC' })).map((row) => toOutcome(row, countryCode)),
      (outcome) => outcome.planId,
    ),
    outcomeById: createRowLoader<string, Outcome>(
      async (ids) => (await source.rowsWhere(OutcomeEntity, 'id', ids)).map((row) => toOutcome(row, countryCode)),
      (outcome) => outcome.id,
    ),
    outputsByOutcomeId: createGroupLoader<string, Output>(
      async (ids) => (await source.rowsWhere(OutputEntity, 'outcomeId', ids, {}, { position: 'ASC', code: 'ASC' })).map((row) => toOutput(row, countryCode)),
      (output) => output.outcomeId,
    ),
    outputById: createRowLoader<string, Output>(
      async (ids) => (await source.rowsWhere(OutputEntity, 'id', ids)).map((row) => toOutput(row, countryCode)),
      (output) => output.id,
    ),
    activitiesByOutputId: createGroupLoader<string, Activity>(
      async (ids) => (await source.rowsWhere(ActivityEntity, 'outputId', ids, {}, { position: 'ASC', code: 'ASC' })).map((row) => toActivity(row, countryCode)),
      (activity) => activity.outputId,
    ),
    activityById: createRowLoader<string, Activity>(
      async (ids) => (await source.rowsWhere(ActivityEntity, 'id', ids)).map((row) => toActivity(row, countryCode)),
      (activity) => activity.id,
    ),
  };
}

export type LogframeLoaders = ReturnType<typeof createLogframeLoaders>;

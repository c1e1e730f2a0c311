import { Pillar } from '../common/enums.js';
import type { ActivityEntity } from './activity.entity.js';
import type { Activity, Outcome, Output } from './logframe.type.js';
import type { OutcomeEntity } from './outcome.entity.js';
import type { OutputEntity } from './output.entity.js';

const PILLARS = new Set<string>(Object.values(Pillar));

/** An outcome row: its pillar column holds one of the four pillars or a national pillar of the plan. */
export function toOutcome(row: OutcomeEntity, countryCode: string): Outcome {
  const standard = PILLARS.has(row.pillar);
  return {
    countryCode,
    id: row.id,
    planId: row.planId,
    code: row.code,
    pillar: standard ? (row.pillar as Pillar) : null,
    nationalPillar: standard ? null : row.pillar,
    statement: row.statement,
    isDemo: row.isDemo,
  };
}

export function toOutput(row: OutputEntity, countryCode: string): Output {
  return { countryCode, id: row.id, outcomeId: row.outcomeId, code: row.code, statement: row.statement, isDemo: row.isDemo };
}

export function toActivity(row: ActivityEntity, countryCode: string): Activity {
  return {
    countryCode,
    id: row.id,
    outputId: row.outputId,
    responsiblePartnerId: row.responsiblePartnerId,
    code: row.code,
    title: row.title,
    timeline: { startsOn: row.startsOn, endsOn: row.endsOn },
    status: row.status,
    isDemo: row.isDemo,
  };
}

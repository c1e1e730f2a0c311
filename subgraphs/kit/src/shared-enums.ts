import { registerEnumType } from 'type-graphql';

/**
 * The vocabulary more than one subgraph serves. Federation composes an enum
 * that appears in several subgraphs only if it is the same everywhere (and an
 * enum used as input must be), so each is defined once, here.
 */

export enum Pillar {
  PARTICIPATION = 'PARTICIPATION',
  PREVENTION = 'PREVENTION',
  PROTECTION = 'PROTECTION',
  RELIEF_AND_RECOVERY = 'RELIEF_AND_RECOVERY',
}
registerEnumType(Pillar, { name: 'Pillar', description: 'The four pillars of UNSCR 1325.' });

export enum IndicatorLevel {
  OUTCOME = 'OUTCOME',
  OUTPUT = 'OUTPUT',
}
registerEnumType(IndicatorLevel, { name: 'IndicatorLevel' });

export enum IndicatorStatus {
  ACHIEVED = 'ACHIEVED',
  ON_TRACK = 'ON_TRACK',
  OFF_TRACK = 'OFF_TRACK',
  NO_DATA = 'NO_DATA',
}
registerEnumType(IndicatorStatus, {
  name: 'IndicatorStatus',
  description: 'Progress of an indicator from its latest published value (see Indicator.status for the rule).',
});

export enum AlignmentFramework {
  AU_CRF = 'AU_CRF',
  CEDAW_GR30 = 'CEDAW_GR30',
  EU_GAP_III = 'EU_GAP_III',
  OSCE = 'OSCE',
  UN_1325 = 'UN_1325',
}
registerEnumType(AlignmentFramework, {
  name: 'AlignmentFramework',
  description:
    'Frameworks a national indicator may align to: the three regional frameworks, the UN global WPS indicators, and CEDAW General Recommendation No. 30 (CEDAW/C/GC/30, 2013: women in conflict prevention, conflict and post-conflict situations).',
  valuesConfig: {
    CEDAW_GR30: { description: "CEDAW General Recommendation No. 30 (CEDAW/C/GC/30, 18 October 2013), reported on in states parties' periodic reports to the CEDAW Committee" },
  },
});

export enum AssessmentCriterionKey {
  INCLUSIVE_DESIGN = 'INCLUSIVE_DESIGN',
  RESULTS_BASED_MONITORING = 'RESULTS_BASED_MONITORING',
  RESOURCES = 'RESOURCES',
  COORDINATION = 'COORDINATION',
  REPORTING_REGULARITY = 'REPORTING_REGULARITY',
  POLITICAL_WILL = 'POLITICAL_WILL',
}
registerEnumType(AssessmentCriterionKey, {
  name: 'AssessmentCriterionKey',
  description: "Inclusive Security's high-impact NAP criteria, as checks on the plan's data.",
});

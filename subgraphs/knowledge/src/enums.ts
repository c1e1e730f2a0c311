import { registerEnumType } from 'type-graphql';

/** The hub's theme vocabulary (data/knowledge.json `_about`). */
export enum Theme {
  MONITORING_EVALUATION = 'MONITORING_EVALUATION',
  FINANCING = 'FINANCING',
  COORDINATION = 'COORDINATION',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  LOCALIZATION = 'LOCALIZATION',
  REGIONAL_COOPERATION = 'REGIONAL_COOPERATION',
  POLITICAL_WILL = 'POLITICAL_WILL',
  INDICATORS = 'INDICATORS',
  REPORTING = 'REPORTING',
  CAPACITY_BUILDING = 'CAPACITY_BUILDING',
  PARLIAMENTARY_OVERSIGHT = 'PARLIAMENTARY_OVERSIGHT',
}
registerEnumType(Theme, { name: 'Theme', description: 'Themes of the Focal Points Network.' });

export enum SessionKind {
  WEBINAR = 'WEBINAR',
  WORKING_GROUP = 'WORKING_GROUP',
  VIRTUAL_DIALOGUE = 'VIRTUAL_DIALOGUE',
}
registerEnumType(SessionKind, { name: 'SessionKind' });

export enum SessionAccess {
  OPEN = 'OPEN',
  INVITATION_ONLY = 'INVITATION_ONLY',
  ON_REQUEST = 'ON_REQUEST',
}
registerEnumType(SessionAccess, { name: 'SessionAccess' });

export enum SessionFormat {
  PLENARY = 'PLENARY',
  BREAKOUT = 'BREAKOUT',
}
registerEnumType(SessionFormat, { name: 'SessionFormat' });

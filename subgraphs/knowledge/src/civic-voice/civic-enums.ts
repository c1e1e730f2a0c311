import { registerEnumType } from 'type-graphql';

export enum CivicStatementKind {
  SHADOW_REPORT = 'SHADOW_REPORT',
  COMMENT = 'COMMENT',
}
registerEnumType(CivicStatementKind, {
  name: 'CivicStatementKind',
  valuesConfig: {
    SHADOW_REPORT: { description: "A civil-society or parliamentary report on the state's implementation, beside the state's own." },
    COMMENT: { description: 'A shorter remark on one plan, report or submission.' },
  },
});

export enum CivicTarget {
  PLAN = 'PLAN',
  REPORT = 'REPORT',
  SUBMISSION = 'SUBMISSION',
}
registerEnumType(CivicTarget, { name: 'CivicTarget', description: "What a civic statement is about: a member's plan, progress report or framework submission." });

export enum CivicAuthorKind {
  CSO = 'CSO',
  PARLIAMENT = 'PARLIAMENT',
}
registerEnumType(CivicAuthorKind, { name: 'CivicAuthorKind', description: 'Who speaks: a registered civil-society organisation or a parliament.' });

export enum CivicStatementStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(CivicStatementStatus, {
  name: 'CivicStatementStatus',
  valuesConfig: {
    DRAFT: { description: 'Seen by its author only; the author may revise or delete it.' },
    PUBLISHED: { description: 'Public, and fixed: nobody, its author included, can change or delete it.' },
  },
});

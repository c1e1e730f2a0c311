import { registerEnumType } from 'type-graphql';

export enum PlanStatus {
  DRAFT = 'DRAFT',
  ADOPTED = 'ADOPTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  EXPIRED = 'EXPIRED',
  SUPERSEDED = 'SUPERSEDED',
}

registerEnumType(PlanStatus, { name: 'PlanStatus', description: 'Life-cycle status of a national action plan.' });

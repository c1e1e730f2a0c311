import { registerEnumType } from 'type-graphql';

export enum MeasurementStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

registerEnumType(MeasurementStatus, { name: 'MeasurementStatus', description: 'Drafts stay with the member state; only published values are public.' });

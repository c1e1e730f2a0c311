import { Field, Int, ObjectType } from 'type-graphql';
import { Measurement } from './measurement.type.js';

@ObjectType({ description: 'The result of a CSV import: every row became a DRAFT measurement (all rows or none).' })
export class MeasurementImport {
  @Field(() => Int)
  imported!: number;

  @Field(() => [Measurement], { description: 'The recorded measurements, in the order of the rows.' })
  measurements!: Measurement[];
}

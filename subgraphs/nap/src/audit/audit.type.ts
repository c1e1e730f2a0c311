import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "One change to a member's data, from its append-only audit log." })
export class AuditEntry {
  @Field(() => String)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: "Who wrote: the token's subject (a focal point), or the service for the demo seed." })
  actor!: string;

  @Field(() => String, { description: 'The mutation, e.g. "recordMeasurement".' })
  action!: string;

  @Field(() => String, { description: 'The table changed, e.g. "measurement".' })
  entity!: string;

  @Field(() => String, { nullable: true })
  entityId!: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The row before the change (null for an insert).' })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The row after the change (null for a delete).' })
  after!: Record<string, unknown> | null;
}

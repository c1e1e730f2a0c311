import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PartnerKind, PartnerRole } from '../common/enums.js';

@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: 'A ministry, department, agency, CSO, parliament or local government that implements part of a plan.' })
export class ImplementingPartner {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PartnerKind)
  kind!: PartnerKind;

  @Field(() => PartnerRole, { nullable: true, description: 'Its WPS representative: a champion or a departmental focal point.' })
  representativeRole!: PartnerRole | null;

  @Field(() => Boolean, { description: 'Whether the partner has its own implementation plan.' })
  hasImplementationPlan!: boolean;

  @Field(() => Boolean, { description: "Whether the partner sits in the plan's coordination body." })
  inCoordinationBody!: boolean;

  @Field(() => Boolean)
  isDemo!: boolean;

  /** Not a field. */
  planId!: string;
}

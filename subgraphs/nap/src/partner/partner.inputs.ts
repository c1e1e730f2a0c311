import { Field, InputType } from 'type-graphql';
import { PartnerKind, PartnerRole } from '../common/enums.js';

@InputType({ description: 'A ministry, department, agency, CSO, parliament or local government that implements part of a plan.' })
export class CreateImplementingPartnerInput {
  @Field(() => String, { description: 'Unique within the plan.' })
  name!: string;

  @Field(() => PartnerKind)
  kind!: PartnerKind;

  @Field(() => PartnerRole, { nullable: true })
  representativeRole?: PartnerRole | null;

  @Field(() => Boolean, { defaultValue: false })
  hasImplementationPlan!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  inCoordinationBody!: boolean;
}

@InputType({ description: 'Changes to an implementing partner: fields left out keep their value.' })
export class UpdateImplementingPartnerInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => PartnerKind, { nullable: true })
  kind?: PartnerKind | null;

  @Field(() => PartnerRole, { nullable: true })
  representativeRole?: PartnerRole | null;

  @Field(() => Boolean, { nullable: true })
  hasImplementationPlan?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  inCoordinationBody?: boolean | null;
}

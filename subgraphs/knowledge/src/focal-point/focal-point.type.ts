import { Field, ID, ObjectType } from 'type-graphql';
import { OrganisationKind } from '../common/enums.js';

@ObjectType({ description: "An entry of the Focal Points Network's directory: visible to network members only." })
export class FocalPoint {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: "The opaque reference of the entry's person: what erasePerson takes, and all the audit log keeps of them." })
  personRef!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { description: 'The ministry, agency or regional organisation.' })
  organisation!: string;

  @Field(() => OrganisationKind)
  organisationKind!: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'AU, EU or OSCE for a regional organisation.' })
  regionalOrganisation!: string | null;

  @Field(() => String, { description: 'Their role, e.g. "NAP coordinator".' })
  role!: string;

  @Field(() => Boolean, { description: 'True for directory entries generated for the demo network (demo names, example.org addresses).' })
  isDemo!: boolean;

  /** Not a field: resolved as `country`. */
  countryCode!: string | null;
}

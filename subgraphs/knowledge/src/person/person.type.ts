import { Field, ID, Int, ObjectType } from 'type-graphql';

/** A person as the services of this subgraph see them (not a contract type: no field shows it as such). */
export interface Person {
  personRef: string;
  name: string | null;
  email: string | null;
  subject: string | null;
}

@ObjectType({ description: "What an erasure did: the person's reference, when, and how many rows it changed or deleted. The reference names nobody any more." })
export class ErasureReceipt {
  @Field(() => ID, { description: 'The opaque reference the erased person had; the audit log keeps only this.' })
  personRef!: string;

  @Field(() => Date)
  erasedAt!: Date;

  @Field(() => Int, { description: 'Rows deleted or unlinked: the person, their directory entry, their forum threads and posts, registrations and invitations, retry results.' })
  rowsAffected!: number;
}

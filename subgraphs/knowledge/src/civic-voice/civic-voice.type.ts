import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CivicAuthorKind, CivicStatementKind, CivicStatementStatus, CivicTarget } from './civic-enums.js';

@Directive('@key(fields: "countryCode id")')
@ObjectType({
  description:
    "A shadow report or comment by a registered civil-society organisation or a parliament on a member's plan, report or submission. It is kept by the hub (the knowledge subgraph), not in the member's database, so the state can neither change, delete nor hide it, and it stays readable while the member is offline.",
})
export class CivicStatement {
  @Field(() => ID)
  id!: string;

  @Field(() => CivicStatementKind)
  kind!: CivicStatementKind;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of the state it is about.' })
  countryCode!: string;

  @Field(() => CivicTarget)
  target!: CivicTarget;

  @Field(() => ID, { description: "The id of the plan, report or submission in the member's subgraph." })
  targetId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => String, { nullable: true, description: 'Where the full report is published, if elsewhere.' })
  sourceUrl!: string | null;

  @Field(() => String, { description: 'The organisation or parliament that speaks (never a person\'s name).' })
  organisation!: string;

  @Field(() => CivicAuthorKind)
  authorKind!: CivicAuthorKind;

  @Field(() => CivicStatementStatus)
  status!: CivicStatementStatus;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Boolean, { description: 'A generated demo statement by a fictional organisation (SEED_DEMO), not a real one.' })
  isDemo!: boolean;

  /** Not a field: who may revise a draft. */
  authorSubject!: string;
}

/**
 * The NAP contract owns the progress report (each member serves its own);
 * knowledge only names one by its key, so the gateway asks the member for it
 * (`CivicStatement.targetReport`).
 */
@Directive('@key(fields: "countryCode id", resolvable: false)')
@ObjectType()
export class ProgressReport {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'A civil-society organisation or parliament registered to publish civic statements.' })
export class CivicAuthor {
  @Field(() => String, { description: 'The token subject it signs in with.' })
  subject!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => CivicAuthorKind)
  kind!: CivicAuthorKind;

  @Field(() => String, { nullable: true, description: 'The state it works in (a parliament: its own state).' })
  countryCode!: string | null;

  @Field(() => Date)
  registeredAt!: Date;
}

import { Field, ID, InputType } from 'type-graphql';
import { CivicAuthorKind, CivicStatementKind, CivicTarget } from './civic-enums.js';

@InputType({ description: 'A network admin registers a civil-society organisation or parliament by the token subject it signs in with.' })
export class RegisterCivicAuthorInput {
  @Field(() => String, { description: 'The `sub` of its tokens (at most 200 characters).' })
  subject!: string;

  @Field(() => String, { description: 'The name it publishes under, 2 to 200 characters.' })
  organisation!: string;

  @Field(() => CivicAuthorKind)
  kind!: CivicAuthorKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the state it works in.' })
  countryCode?: string | null;
}

@InputType({ description: "A shadow report or comment on a member's plan, report or submission; a DRAFT until its author publishes it." })
export class DraftCivicStatementInput {
  @Field(() => CivicStatementKind)
  kind!: CivicStatementKind;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of the state.' })
  countryCode!: string;

  @Field(() => CivicTarget)
  target!: CivicTarget;

  @Field(() => ID, { description: 'The id of the plan, report or submission (a UUID).' })
  targetId!: string;

  @Field(() => String, { description: '5 to 200 characters.' })
  title!: string;

  @Field(() => String, { description: '1 to 20,000 characters.' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'An http(s) URL where the full report is published.' })
  sourceUrl?: string | null;
}

@InputType({ description: 'New text for a DRAFT statement (its author only).' })
export class ReviseCivicStatementInput {
  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => String, { nullable: true })
  sourceUrl?: string | null;
}

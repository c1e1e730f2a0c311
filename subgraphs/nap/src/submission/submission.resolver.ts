import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { AlignmentFramework } from '../common/enums.js';
import type { NapContext } from '../context.js';
import { assertServes } from '../member/member-guard.js';
import { findSubmission } from './submission.service.js';
import { Submission } from './submission.type.js';

@Resolver(() => Submission)
export class SubmissionResolver {
  @Query(() => Submission, { nullable: true, description: "A member's submission to a framework for a year: the public sees a submitted one, the member's focal points their drafts too." })
  async submission(
    @Arg('year', () => Int) year: number,
    @Arg('frameworkCode', () => AlignmentFramework) frameworkCode: AlignmentFramework,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Submission | null> {
    assertServes(context.countryCode, countryCode);
    return findSubmission(await context.session(), context.countryCode, frameworkCode, year);
  }
}

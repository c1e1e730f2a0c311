import { memberScoped } from '../member/entity-reference.js';

/** MemberFollowUps is a question put to this member (its key, the country): the representation is the object. */
export const resolveMemberFollowUpsReference = memberScoped([]);

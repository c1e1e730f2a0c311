import { CivicAuthorEntity } from './civic-voice/civic-author.entity.js';
import { CivicStatementEntity } from './civic-voice/civic-statement.entity.js';
import { FocalPointEntity } from './focal-point/focal-point.entity.js';
import { ForumPostEntity } from './forum/forum-post.entity.js';
import { ForumThreadEntity } from './forum/forum-thread.entity.js';
import { PersonEntity } from './person/person.entity.js';
import { GoodPracticeEntity } from './practice/practice.entity.js';
import { SessionInvitationEntity } from './registration/invitation.entity.js';
import { SessionRegistrationEntity } from './registration/registration.entity.js';
import { ResourceEntity } from './resource/resource.entity.js';
import { LearningSessionEntity } from './session/session.entity.js';

export const knowledgeEntities = [
  GoodPracticeEntity,
  LearningSessionEntity,
  ResourceEntity,
  PersonEntity,
  FocalPointEntity,
  ForumThreadEntity,
  ForumPostEntity,
  SessionRegistrationEntity,
  SessionInvitationEntity,
  CivicAuthorEntity,
  CivicStatementEntity,
];

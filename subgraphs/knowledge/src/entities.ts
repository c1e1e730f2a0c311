import { GoodPracticeEntity } from './practice/practice.entity.js';
import { LearningSessionEntity } from './session/session.entity.js';

export const knowledgeEntities = [GoodPracticeEntity, LearningSessionEntity];

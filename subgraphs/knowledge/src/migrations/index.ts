import { InitialKnowledge1763800000000 } from './1763800000000-initial-knowledge.js';
import { KnowledgeExchange1764000000000 } from './1764000000000-knowledge-exchange.js';
import { IdempotencyKeys1764400000000 } from './1764400000000-idempotency-keys.js';
import { KnowledgeServiceLogin1764600000000 } from './1764600000000-service-login.js';
import { CivicVoice1764700000000 } from './1764700000000-civic-voice.js';
import { PersonalData1765000000000 } from './1765000000000-personal-data.js';
import { CivicDemo1765200000000 } from './1765200000000-civic-demo.js';

export const knowledgeMigrations = [
  InitialKnowledge1763800000000,
  KnowledgeExchange1764000000000,
  IdempotencyKeys1764400000000,
  KnowledgeServiceLogin1764600000000,
  CivicVoice1764700000000,
  PersonalData1765000000000,
  CivicDemo1765200000000,
];

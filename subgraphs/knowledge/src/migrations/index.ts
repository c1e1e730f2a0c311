import { InitialKnowledge1763800000000 } from './1763800000000-initial-knowledge.js';

export const knowledgeMigrations = [InitialKnowledge1763800000000];

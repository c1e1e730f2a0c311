import type { DataSource } from 'typeorm';
import { createLoaders, type KnowledgeLoaders } from './loaders.js';
import { PracticeService } from './practice/practice.service.js';
import { SessionService } from './session/session.service.js';

export interface KnowledgeContext {
  loaders: KnowledgeLoaders;
  practices: PracticeService;
  sessions: SessionService;
}

export function createKnowledgeContext(dataSource: DataSource): KnowledgeContext {
  return { loaders: createLoaders(dataSource), practices: new PracticeService(dataSource), sessions: new SessionService(dataSource) };
}

import type { Principal } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { createLoaders, type KnowledgeLoaders } from './loaders.js';
import { PracticeService } from './practice/practice.service.js';
import { SessionService } from './session/session.service.js';

export interface KnowledgeContext {
  principal: Principal;
  loaders: KnowledgeLoaders;
  practices: PracticeService;
  sessions: SessionService;
}

export function createKnowledgeContext(dataSource: DataSource, principal: Principal): KnowledgeContext {
  return { principal, loaders: createLoaders(dataSource), practices: new PracticeService(dataSource), sessions: new SessionService(dataSource) };
}

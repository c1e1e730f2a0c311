import type { Principal } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { FocalPointService } from './focal-point/focal-point.service.js';
import { ForumService } from './forum/forum.service.js';
import { createLoaders, type KnowledgeLoaders } from './loaders.js';
import { PracticeService } from './practice/practice.service.js';
import { RegistrationService } from './registration/registration.service.js';
import { ResourceService } from './resource/resource.service.js';
import { SearchService } from './search/search.service.js';
import { SessionService } from './session/session.service.js';

/** One per request: who asks, the request's loaders, and services bound to that principal. */
export interface KnowledgeContext {
  principal: Principal;
  loaders: KnowledgeLoaders;
  practices: PracticeService;
  sessions: SessionService;
  registrations: RegistrationService;
  resources: ResourceService;
  forum: ForumService;
  focalPoints: FocalPointService;
  search: SearchService;
}

export function createKnowledgeContext(dataSource: DataSource, principal: Principal): KnowledgeContext {
  const forum = new ForumService(dataSource, principal);
  return {
    principal,
    loaders: createLoaders(dataSource, principal, forum),
    practices: new PracticeService(dataSource, principal),
    sessions: new SessionService(dataSource, principal),
    registrations: new RegistrationService(dataSource, principal),
    resources: new ResourceService(dataSource),
    forum,
    focalPoints: new FocalPointService(dataSource, principal),
    search: new SearchService(dataSource),
  };
}

import type { Principal } from '@wps/kit';
import type { DataSource } from 'typeorm';
import type { KnowledgeRequest } from './common/request.js';
import { createLoaders, type KnowledgeLoaders } from './loaders.js';

/** One per request: who asks, the database, and the request's loaders (the services take the request). */
export interface KnowledgeContext extends KnowledgeRequest {
  loaders: KnowledgeLoaders;
}

export function createKnowledgeContext(dataSource: DataSource, principal: Principal): KnowledgeContext {
  const request: KnowledgeRequest = { dataSource, principal };
  return { ...request, loaders: createLoaders(request) };
}

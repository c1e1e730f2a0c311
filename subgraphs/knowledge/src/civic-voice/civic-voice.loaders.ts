import { createGroupLoader, createRowLoader, isUuid } from '@wps/kit';
import type { KnowledgeRequest } from '../common/request.js';
import { readableStatements } from './civic-voice.service.js';
import type { CivicStatement } from './civic-voice.type.js';

/** Civic statements the caller may read, per request: by state, and by what they are about (`PLAN:<id>`). */
export function createCivicVoiceLoaders(request: KnowledgeRequest) {
  return {
    civicStatementById: createRowLoader<string, CivicStatement>((ids) => readableStatements(request, 'id', ids.filter(isUuid)), (statement) => statement.id),
    civicStatementsByCountry: createGroupLoader<string, CivicStatement>((codes) => readableStatements(request, 'country', codes), (statement) => statement.countryCode),
    civicStatementsByTarget: createGroupLoader<string, CivicStatement>((targets) => readableStatements(request, 'target', targets), (statement) => `${statement.target}:${statement.targetId}`),
  };
}

export type CivicVoiceLoaders = ReturnType<typeof createCivicVoiceLoaders>;

import type { LoaderSource } from '../common/loader-source.js';
import { CivicResponseEntity } from './civic-response.entity.js';
import { toCivicResponse } from './civic-response.mapper.js';

/** The state's answers to civic statements, per request, latest first. */
export function createCivicResponseLoaders(source: LoaderSource) {
  return {
    civicResponsesByStatementId: source.byParent(CivicResponseEntity, 'statementId', toCivicResponse, { respondedAt: 'DESC', id: 'ASC' }),
  };
}

export type CivicResponseLoaders = ReturnType<typeof createCivicResponseLoaders>;

import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import cors from 'cors';
import type express from 'express';
import type { ValidationRule } from 'graphql';

export interface EdgeLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** graphql-armor's static cost (objects 2, scalars 1, × 1.5 per level). */
  maxCost: number;
  maxTokens: number;
  maxBodyBytes: number;
  /** Origins browsers may call the hub from; empty: no cross-origin access. */
  corsOrigins: readonly string[];
  introspection: boolean;
  fieldSuggestions: boolean;
}

/**
 * The gateway's request limits, from graphql-armor (depth, aliases,
 * directives, cost) plus Apollo's own token limit (graphql-armor's token
 * plugin is off: Apollo's parser counts tokens before anything else runs).
 * Every rejection is a 400 with a GraphQL error that names the limit.
 */
export function armorProtection(limits: EdgeLimits): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, exposeLimits: true },
  }).protect();
  return { plugins, validationRules };
}

/**
 * Request bodies are taken as sent, never decompressed: a query is small,
 * and a body that says it is compressed but is not would otherwise fail in
 * the body parser as a 500. Refused with 415 and a GraphQL-shaped error.
 */
export function refuseEncodedBodies(): express.RequestHandler {
  return (request, response, next) => {
    const encoding = request.headers['content-encoding'];
    if (encoding === undefined || encoding.trim().toLowerCase() === 'identity') return next();
    response.status(415).json({ errors: [{ message: 'Compressed request bodies are not accepted: send the body as it is (no Content-Encoding).', extensions: { code: 'BAD_REQUEST' } }] });
  };
}

/** CORS for an allow-list of origins only (no list: no cross-origin access). */
export function corsFor(limits: EdgeLimits): express.RequestHandler {
  return cors({
    origin: limits.corsOrigins.length > 0 ? [...limits.corsOrigins] : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight'],
    maxAge: 600,
  });
}

export { createHubClient, type HubClient, type HubClientOptions, type HubResult } from './client.js';
export * from './generated/graphql.js';

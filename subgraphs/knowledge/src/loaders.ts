import { createCivicVoiceLoaders } from './civic-voice/civic-voice.loaders.js';
import type { KnowledgeRequest } from './common/request.js';
import { createForumLoaders } from './forum/forum.loaders.js';
import { createPersonLoaders } from './person/person.loaders.js';
import { createPracticeLoaders } from './practice/practice.loaders.js';
import { createRegistrationLoaders } from './registration/registration.loaders.js';
import { createResourceLoaders } from './resource/resource.loaders.js';
import { createSessionLoaders } from './session/session.loaders.js';

/** Per-request loaders (created in the request's context, never shared between requests): each concept's own, combined. */
export function createLoaders(request: KnowledgeRequest) {
  return {
    ...createPersonLoaders(request.dataSource),
    ...createPracticeLoaders(request.dataSource),
    ...createSessionLoaders(request.dataSource),
    ...createResourceLoaders(request.dataSource),
    ...createForumLoaders(request),
    ...createRegistrationLoaders(request),
    ...createCivicVoiceLoaders(request),
  };
}

export type KnowledgeLoaders = ReturnType<typeof createLoaders>;

import type { HostileMode } from './mode.js';
import { SEMANTIC_MODES } from './semantic-modes.js';

/** Every mode the hostile member can run in, by name (HOSTILE_MODE). */
export const HOSTILE_MODES: Record<string, HostileMode> = { ...SEMANTIC_MODES };

export type HostileModeName = keyof typeof SEMANTIC_MODES | (string & {});

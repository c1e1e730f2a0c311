import path from 'node:path';
import { REPO_ROOT, spawnService, type ServiceProcess } from '@wps/launcher';
import type { HostileModeName } from './hostile/modes.js';

export { adversarialText, BLAMED_COUNTRY, FORGED_COUNTRY, FORGED_TITLE, LONG_ERROR_CHARACTERS } from './hostile/semantic-modes.js';
export { HOSTILE_MODES, type HostileModeName } from './hostile/modes.js';
export type { HostileContext, HostileMode, HostileRequest } from './hostile/mode.js';

export interface HostileMember {
  countryCode: string;
  mode: HostileModeName;
  url: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

/** The process entry point of the hostile member (tests/dist/hostile/main.js). */
export const HOSTILE_MEMBER_SCRIPT = path.join(REPO_ROOT, 'tests', 'dist', 'hostile', 'main.js');

/**
 * A hostile member state's NAP subgraph in its own process, serving the
 * contract's probe and misbehaving as `mode` says (tests/src/hostile/modes.ts).
 * Register it as any member: `registerMember(countryCode, url)` as HUB_ADMIN.
 */
export async function startHostileMember(mode: HostileModeName, countryCode = 'LS'): Promise<HostileMember> {
  const member = await spawnService({
    name: `hostile-${mode}-${countryCode.toLowerCase()}`,
    script: HOSTILE_MEMBER_SCRIPT,
    logDir: path.join(REPO_ROOT, '.data', 'test-logs', 'hostile'),
    env: { ...process.env, HOSTILE_MODE: mode, NAP_COUNTRY_CODE: countryCode, PORT: '0' },
  });
  return { countryCode, mode, url: member.url, process: member, stop: () => member.stop() };
}

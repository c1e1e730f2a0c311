/** What the launcher asks a simulation host (@wps/nap's host.ts, several members in one process) over IPC. */
export type HostRequest =
  | { type: 'start-member'; countryCode: string; /** The member's own variables, on top of the host's. */ env: Record<string, string> }
  | { type: 'stop-member'; countryCode: string };

/** What a simulation host answers, one reply per request. */
export type HostReply =
  | { type: 'member-ready'; countryCode: string; url: string }
  | { type: 'member-failed'; countryCode: string; error: string }
  | { type: 'member-stopped'; countryCode: string };

const record = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isHostRequest(message: unknown): message is HostRequest {
  if (!record(message) || typeof message.countryCode !== 'string') return false;
  if (message.type === 'stop-member') return true;
  return message.type === 'start-member' && record(message.env) && Object.values(message.env).every((value) => typeof value === 'string');
}

export function isHostReply(message: unknown): message is HostReply {
  if (!record(message) || typeof message.countryCode !== 'string') return false;
  if (message.type === 'member-stopped') return true;
  if (message.type === 'member-ready') return typeof message.url === 'string';
  return message.type === 'member-failed' && typeof message.error === 'string';
}

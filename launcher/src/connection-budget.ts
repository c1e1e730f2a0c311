import pg from 'pg';
import { ConfigError } from '@wps/kit';

/** Connections the launcher keeps free for migrations, psql and the regional and knowledge services' pools. */
const RESERVED = 40;

export interface ConnectionBudget {
  /** DB_POOL_MAX of each member (the kit's default of 5 on a small network). */
  memberPool: number;
  /** The max_connections the cluster needs for this network. */
  maxConnections: number;
}

/**
 * Pools that fit the network: 110 members with the default pool of 5 would
 * ask 550 connections of one cluster. A member on a scale run serves one
 * request at a time or so, and a focal point's request holds one connection.
 */
export function connectionBudget(memberCount: number, memberPool?: number): ConnectionBudget {
  const pool = memberPool ?? (memberCount <= 25 ? 5 : memberCount <= 60 ? 3 : 2);
  return { memberPool: pool, maxConnections: Math.max(400, memberCount * pool + RESERVED) };
}

/** On a real server, the network must fit its max_connections: say so before anything starts. */
export async function checkServerConnections(adminUrl: string, budget: ConnectionBudget, memberCount: number): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ max_connections: string }>('SHOW max_connections');
    const available = Number(rows[0].max_connections);
    const needed = memberCount * budget.memberPool + RESERVED;
    if (available < needed) {
      throw new ConfigError(
        'DATABASE_URL',
        `the server allows ${available} connections; ${memberCount} members with pools of ${budget.memberPool} need about ${needed}`,
        `Raise max_connections to ${needed} or more, or start fewer members (HUB_MEMBERS)`,
      );
    }
  } finally {
    await client.end();
  }
}

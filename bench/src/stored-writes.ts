import pg from 'pg';
import { databaseUrl } from '@wps/launcher';
import type { BenchNetwork } from './bench-network.js';
import type { AcknowledgedWrite } from './traffic.js';

/**
 * Which acknowledged measurements each member's database holds, read as the
 * database owner (not through the service), with their audit entries.
 */
export async function storedWrites(hub: BenchNetwork, members: string[], acknowledged: AcknowledgedWrite[]) {
  let found = 0;
  let audited = 0;
  const missing: AcknowledgedWrite[] = [];
  for (const code of members) {
    const ids = acknowledged.filter((write) => write.countryCode === code).map((write) => write.id);
    const client = new pg.Client({ connectionString: databaseUrl(hub.adminUrl, hub.memberDatabase(code)) });
    await client.connect();
    try {
      const present = await client.query<{ id: string }>('SELECT id FROM measurement WHERE id = ANY($1::uuid[])', [ids]);
      const presentIds = new Set(present.rows.map((row) => row.id));
      found += presentIds.size;
      for (const id of ids) if (!presentIds.has(id)) missing.push({ countryCode: code, id });
      const audit = await client.query<{ count: number }>(
        `SELECT count(DISTINCT entity_id)::int AS count FROM audit_log WHERE entity = 'measurement' AND entity_id = ANY($1::text[])`,
        [ids],
      );
      audited += audit.rows[0]!.count;
    } finally {
      await client.end();
    }
  }
  return { found, audited, missing };
}

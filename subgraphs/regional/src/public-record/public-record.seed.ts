import { loadMemberships, loadNapHistories } from '@wps/data';
import type { DataSource } from 'typeorm';
import { readPublicRecord } from './public-record-file.js';
import { AuStatusChangeEntity, PublicNapIterationEntity, PublicRecordSourceEntity, PublicRecordStateEntity } from './public-record.entity.js';

/**
 * Replace the public record with the data files' (data/naps.json,
 * data/memberships.json) at every start, in one transaction: an edited file
 * is served after a restart, and a file that does not pass the checks
 * leaves the old record in place (the service does not start).
 */
export async function seedPublicRecord(dataSource: DataSource): Promise<{ states: number; iterations: number; auChanges: number }> {
  const rows = readPublicRecord(loadNapHistories(), loadMemberships());
  await dataSource.transaction(async (manager) => {
    await manager.query('DELETE FROM public_nap_iteration');
    await manager.query('DELETE FROM public_record_state');
    await manager.query('DELETE FROM au_status_change');
    await manager.query('DELETE FROM public_record_source');
    await manager.insert(PublicRecordStateEntity, rows.states);
    for (let index = 0; index < rows.iterations.length; index += 200) await manager.insert(PublicNapIterationEntity, rows.iterations.slice(index, index + 200));
    if (rows.auChanges.length > 0) await manager.insert(AuStatusChangeEntity, rows.auChanges);
    await manager.insert(PublicRecordSourceEntity, { id: 1, ...rows.source });
  });
  return { states: rows.states.length, iterations: rows.iterations.length, auChanges: rows.auChanges.length };
}

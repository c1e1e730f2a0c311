import { createGroupLoader, createRowLoader } from '@wps/kit';
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { AuStatusChangeEntity, PublicNapIterationEntity, PublicRecordSourceEntity, PublicRecordStateEntity } from './public-record.entity.js';
import { toAuStatusChange, toPublicNapIteration } from './public-record.mapper.js';
import type { AuStatusChange, PublicNapIteration } from './public-record.type.js';

/** The public record, per request: one statement per batch. */
export function createPublicRecordLoaders(dataSource: DataSource) {
  return {
    /** A state's recorded NAPs, first to latest (empty when the record lists none). */
    recordIterationsByCountry: createGroupLoader<string, PublicNapIteration>(
      async (codes) =>
        (await dataSource.getRepository(PublicNapIterationEntity).find({ where: { countryCode: In([...codes]) }, order: { countryCode: 'ASC', iteration: 'ASC' } })).map(
          toPublicNapIteration,
        ),
      (iteration) => iteration.countryCode,
    ),
    recordStateByCountry: createRowLoader<string, PublicRecordStateEntity>(
      (codes) => dataSource.getRepository(PublicRecordStateEntity).find({ where: { countryCode: In([...codes]) } }),
      (state) => state.countryCode,
    ),
    /** Dated AU status changes, oldest first. */
    auStatusChangesByCountry: new DataLoader<string, AuStatusChange[]>(async (codes) => {
      const rows = await dataSource.getRepository(AuStatusChangeEntity).find({ where: { countryCode: In([...codes]) }, order: { date: 'ASC' } });
      return codes.map((code) => rows.filter((row) => row.countryCode === code).map(toAuStatusChange));
    }),
    /** What the record was read from (one row; the key is ignored). */
    recordSource: new DataLoader<'record', PublicRecordSourceEntity>(async (keys) => {
      const row = await dataSource.getRepository(PublicRecordSourceEntity).findOneByOrFail({ id: 1 });
      return keys.map(() => row);
    }),
  };
}

export type PublicRecordLoaders = ReturnType<typeof createPublicRecordLoaders>;

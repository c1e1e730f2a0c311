import { createGroupLoader, createRowLoader } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import { ReportingCycleEntity, SubmissionReceiptEntity } from './reporting.entity.js';
import { toReportingCycle } from './reporting.mapper.js';
import type { ReportingCycle } from './reporting.type.js';

/** Reporting cycles and the hub's receipts, per request. */
export function createReportingLoaders(dataSource: DataSource) {
  return {
    cyclesByFramework: createGroupLoader<string, ReportingCycle>(
      async (codes) => (await dataSource.getRepository(ReportingCycleEntity).find({ where: { frameworkCode: In([...codes]) }, order: { year: 'ASC' } })).map(toReportingCycle),
      (cycle) => cycle.frameworkCode,
    ),
    cycleByCode: createRowLoader<string, ReportingCycle>(
      async (codes) => (await dataSource.getRepository(ReportingCycleEntity).findBy({ code: In([...codes]) })).map(toReportingCycle),
      (cycle) => cycle.code,
    ),
    /** Every receipt of a cycle, newest version last. */
    receiptsByCycle: createGroupLoader<string, SubmissionReceiptEntity>(
      async (codes) => dataSource.getRepository(SubmissionReceiptEntity).find({ where: { cycleCode: In([...codes]) }, order: { countryCode: 'ASC', version: 'ASC' } }),
      (receipt) => receipt.cycleCode,
    ),
  };
}

export type ReportingLoaders = ReturnType<typeof createReportingLoaders>;

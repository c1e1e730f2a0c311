import { Entity, PrimaryColumn } from 'typeorm';
import type { AlignmentFramework } from '../common/enums.js';

/** A national indicator counts towards a framework indicator. */
@Entity({ name: 'indicator_alignment' })
export class IndicatorAlignmentEntity {
  @PrimaryColumn('uuid', { name: 'indicator_id' })
  indicatorId!: string;

  @PrimaryColumn('text', { name: 'framework_code' })
  frameworkCode!: AlignmentFramework;

  @PrimaryColumn('text', { name: 'indicator_code' })
  indicatorCode!: string;
}

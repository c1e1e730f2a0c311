import type { DataSource } from 'typeorm';
import type { Theme } from '../enums.js';
import { toPractice } from '../mappers.js';
import { GoodPracticeEntity } from './practice.entity.js';
import type { GoodPractice } from './practice.type.js';

export interface PracticeFilter {
  theme?: Theme | null;
  countryCode?: string | null;
}

export class PracticeService {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: PracticeFilter): Promise<GoodPractice[]> {
    const query = this.dataSource.getRepository(GoodPracticeEntity).createQueryBuilder('practice').orderBy('practice.title', 'ASC');
    if (filter.theme) query.andWhere(':theme = ANY(practice.themes)', { theme: filter.theme });
    if (filter.countryCode) query.andWhere(':country = ANY(practice.country_codes)', { country: filter.countryCode.toUpperCase() });
    return (await query.getMany()).map(toPractice);
  }
}

import type { DataSource } from 'typeorm';
import { toSession } from '../mappers.js';
import { LearningSessionEntity } from './session.entity.js';
import type { LearningSession } from './session.type.js';

export class SessionService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<LearningSession[]> {
    const rows = await this.dataSource.getRepository(LearningSessionEntity).find({ order: { startsAt: 'DESC' } });
    return rows.map(toSession);
  }
}

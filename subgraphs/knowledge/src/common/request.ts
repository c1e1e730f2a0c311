import type { Principal } from '@wps/kit';
import type { DataSource } from 'typeorm';

/** What a service of the knowledge exchange works with: the database, and who asks (from the token alone). */
export interface KnowledgeRequest {
  dataSource: DataSource;
  principal: Principal;
}

import { ErrorCode, HubError } from '@wps/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { MemberSettingEntity } from './member-setting.entity.js';

/**
 * Four-eyes publishing: a member may require that what one focal point
 * drafted (a measurement, a progress report) is published by another. The
 * rule is the member's own setting (`NAP_FOUR_EYES`), recorded in
 * `member_setting` at each start by the migrations role, which the
 * service's role can read but never write; a trigger enforces it in the
 * database too (migration 1764770000000).
 */
export const FOUR_EYES_SETTING = 'four_eyes_publishing';

/** Record the member's rule (at start, as the owner). */
export async function recordFourEyesRule(dataSource: DataSource, required: boolean): Promise<void> {
  await dataSource
    .getRepository(MemberSettingEntity)
    .createQueryBuilder()
    .insert()
    .values({ key: FOUR_EYES_SETTING, value: required ? 'on' : 'off' })
    .orUpdate(['value'], ['key'])
    .execute();
}

export async function fourEyesRequired(manager: EntityManager): Promise<boolean> {
  const setting = await manager.findOneBy(MemberSettingEntity, { key: FOUR_EYES_SETTING });
  return setting?.value === 'on';
}

/** FORBIDDEN when the rule is on and the publisher drafted it. */
export async function assertSecondPair(manager: EntityManager, draftedBy: string | null, publisher: string, what: string): Promise<void> {
  if (draftedBy !== null && draftedBy === publisher && (await fourEyesRequired(manager))) {
    throw new HubError(ErrorCode.FORBIDDEN, `This member requires four-eyes publishing: ${what} you drafted must be published by another focal point.`);
  }
}

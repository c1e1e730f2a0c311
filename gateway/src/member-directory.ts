export type RegisteredStatus = 'ACTIVE' | 'QUARANTINED' | 'OFFLINE';

/** A registered member as routing sees it. */
export interface MemberRecord {
  countryCode: string;
  endpoint: string;
  /** The status routing uses: the admin's OFFLINE, else this gateway's contract verdict, else the registry's. */
  status: RegisteredStatus;
}

/** What the MemberRouter needs from the registry. */
export interface MemberDirectory {
  /** The registered member for a country; undefined when none is registered. */
  memberFor(countryCode: string): MemberRecord | undefined;
}

import { registerEnumType } from 'type-graphql';

/** Shared with the other subgraphs (one definition, so they compose): see the kit's shared-enums.ts. */
export { IndicatorLevel, IndicatorStatus, Pillar } from '@wps/kit';

export enum FrameworkCode {
  AU_CRF = 'AU_CRF',
  EU_GAP_III = 'EU_GAP_III',
  OSCE = 'OSCE',
}
registerEnumType(FrameworkCode, {
  name: 'FrameworkCode',
  description: 'Regional frameworks members report against.',
  valuesConfig: {
    AU_CRF: { description: "African Union Continental Results Framework on WPS (2018–2028)" },
    EU_GAP_III: { description: 'EU Gender Action Plan III (2021–2025, extended to 2027); WPS is one of its thematic areas' },
    OSCE: { description: 'OSCE 2004 Action Plan for the Promotion of Gender Equality and WPS commitments' },
  },
});

export enum MembershipStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(MembershipStatus, { name: 'MembershipStatus' });

export enum MemberStatus {
  NOT_CONNECTED = 'NOT_CONNECTED',
  ACTIVE = 'ACTIVE',
  QUARANTINED = 'QUARANTINED',
  OFFLINE = 'OFFLINE',
}
registerEnumType(MemberStatus, {
  name: 'MemberStatus',
  description: "Whether a state's own NAP subgraph is connected to the hub.",
  valuesConfig: {
    NOT_CONNECTED: { description: 'The state runs no registered NAP subgraph: its plan data is null, without an error.' },
    ACTIVE: { description: 'Registered, serving the contract: queries are routed to it.' },
    QUARANTINED: { description: 'Registered, but serving a different contract: not routed to until fixed.' },
    OFFLINE: { description: 'Registered, taken offline by the hub admin.' },
  },
});

export enum Locale {
  EN = 'en',
  FR = 'fr',
  PT = 'pt',
  AR = 'ar',
}
registerEnumType(Locale, { name: 'Locale', description: 'Languages country names are available in.' });

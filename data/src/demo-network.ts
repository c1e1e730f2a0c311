/**
 * The demo network's member states: each runs its own NAP subgraph on its
 * own database. Spread over the three frameworks: six AU members, four EU
 * members (also OSCE participating States), two OSCE-only.
 */
export const DEMO_MEMBERS = ['KE', 'NG', 'GH', 'UG', 'RW', 'SN', 'SE', 'FI', 'DE', 'IE', 'NO', 'GE'] as const;

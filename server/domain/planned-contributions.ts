/** Planned contributions: what a donor says they will bring, before it arrives at the desk. */

/** The donor brings it (drop_off), or the food bank collects it (pickup). */
export const PLANNED_DELIVERY = ['drop_off', 'pickup'] as const;
export type PlannedDelivery = (typeof PLANNED_DELIVERY)[number];

/** planned → received (taken in at the desk as a donation) or cancelled (by the donor or staff). */
export const PLANNED_STATUSES = ['planned', 'received', 'cancelled'] as const;
export type PlannedStatus = (typeof PLANNED_STATUSES)[number];

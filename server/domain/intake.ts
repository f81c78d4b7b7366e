import type { DateLabelKind, RejectionReason, StorageZone } from './inventory.js';

/** A line as staff entered it at the desk. */
export interface LineInput {
  itemId: number;
  quantity: number;
  unitValue?: number;
  dateLabelKind?: DateLabelKind;
  dateLabel?: string | null;
  zone?: StorageZone;
  accepted?: boolean;
  rejectionReason?: RejectionReason | null;
  rejectionNote?: string | null;
  overrideReason?: string | null;
  locationId?: number | null;
}

/** What the line's item brings: its defaults and whether its category is accepted at all. */
export interface LineItemFacts {
  defaultUnitValue: number;
  defaultZone: StorageZone;
  categoryKind: 'food' | 'household';
  categoryAccepted: boolean;
}

export interface InspectedLine {
  itemId: number;
  quantity: number;
  unitValue: number;
  dateLabelKind: DateLabelKind;
  dateLabel: string | null;
  zone: StorageZone;
  accepted: boolean;
  rejectionReason: RejectionReason | null;
  rejectionNote: string | null;
  overrideReason: string | null;
  locationId: number | null;
}

export type LineProblem = { code: string; message: string };

/**
 * Applies the intake rules to one line: the item's defaults fill what staff left out; goods outside
 * the accepted categories and food already past its date are rejected (the latter unless staff
 * override with a reason); a rejected line keeps its reason and never needs a location.
 */
export function inspectLine(input: LineInput, item: LineItemFacts, receivedOn: string): InspectedLine | LineProblem {
  const dateLabelKind = input.dateLabelKind ?? (item.categoryKind === 'household' ? 'none' : 'use_by');
  const dateLabel = input.dateLabel ?? null;
  if (dateLabelKind === 'none' && dateLabel !== null) {
    return { code: 'date_label_unexpected', message: 'A line without a date label cannot carry a date' };
  }
  if (dateLabelKind !== 'none' && dateLabel === null) {
    return { code: 'date_label_required', message: '소비기한 or 유통기한 needs a date' };
  }

  let accepted = input.accepted ?? true;
  let rejectionReason = input.rejectionReason ?? null;
  if (!accepted && rejectionReason === null) {
    return { code: 'rejection_reason_required', message: 'A rejected line needs a reason' };
  }
  if (accepted && rejectionReason !== null) {
    return { code: 'rejection_reason_unexpected', message: 'An accepted line cannot carry a rejection reason' };
  }
  const overrideReason = input.overrideReason?.trim() || null;
  if (accepted && !item.categoryAccepted) {
    accepted = false;
    rejectionReason = 'not_accepted_category';
  } else if (accepted && dateLabel !== null && dateLabel < receivedOn && overrideReason === null) {
    accepted = false;
    rejectionReason = 'expired';
  }

  return {
    itemId: input.itemId,
    quantity: input.quantity,
    unitValue: input.unitValue ?? item.defaultUnitValue,
    dateLabelKind,
    dateLabel,
    zone: input.zone ?? item.defaultZone,
    accepted,
    rejectionReason,
    rejectionNote: input.rejectionNote?.trim() || null,
    overrideReason: accepted ? overrideReason : null,
    locationId: accepted ? (input.locationId ?? null) : null,
  };
}

export const isLineProblem = (value: InspectedLine | LineProblem): value is LineProblem => 'code' in value;

/** In-kind value of a donation: Σ quantity × unit value over accepted lines only. */
export function acceptedValue(lines: readonly Pick<InspectedLine, 'accepted' | 'quantity' | 'unitValue'>[]): number {
  return lines.reduce((sum, line) => (line.accepted ? sum + line.quantity * line.unitValue : sum), 0);
}

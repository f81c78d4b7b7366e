import { api, type Problem } from '../api/client';
import type { components } from '../api/schema';
import { auth } from './auth.svelte';
import { todayIso } from './dates';
import { newRequestKey } from './idempotency';

export type MyDonor = components['schemas']['MyDonor'];
export type DonorProfile = components['schemas']['DonorProfile'];
export type PlannedContribution = components['schemas']['PlannedContribution'];
export type PlannedContributionRequest = components['schemas']['PlannedContributionRequest'];
export type CatalogItem = components['schemas']['DonorCatalog']['items'][number];
export type DonorDonation = components['schemas']['DonorDonation'];
export type Receipt = components['schemas']['Receipt'];
export type Delivery = PlannedContribution['delivery'];



/** Planned contributions still to come first (soonest first), then the past ones (latest first). */
export function sortPlans(plans: PlannedContribution[]): PlannedContribution[] {
  const open = (p: PlannedContribution) => p.status === 'planned';
  return [...plans].sort((a, b) => {
    if (open(a) !== open(b)) return open(a) ? -1 : 1;
    const byDate = open(a) ? a.expectedOn.localeCompare(b.expectedOn) : b.expectedOn.localeCompare(a.expectedOn);
    return byDate || b.id - a.id;
  });
}

/**
 * The signed-in donor's record: whether the account is linked yet, and the profile once it is.
 * Kept per account, so signing in as someone else in the same tab never shows the last one's data.
 */
class DonorPortal {
  me = $state<MyDonor | null>(null);
  problem = $state<Problem | null>(null);
  private userId: number | null = null;

  get linked(): boolean {
    return this.me?.linked ?? false;
  }

  /** Loads the record; a page that opens again reuses what is known unless `fresh` is asked for. */
  async load(fresh = false): Promise<MyDonor | null> {
    const userId = auth.user?.id ?? null;
    if (!fresh && this.me && this.userId === userId) return this.me;
    this.problem = null;
    const { data, error } = await auth.call(() => api.GET('/api/me/donor'));
    if (error) this.problem = error;
    if (data) this.accept(data);
    return data ?? null;
  }

  /** The answer of a link, create or update call is the new record. */
  accept(me: MyDonor): void {
    this.me = me;
    this.userId = auth.user?.id ?? null;
  }
}

export const donorPortal = new DonorPortal();

export interface PlanLine {
  key: number;
  /** A catalog item's name (picked from the list) or the donor's own words. */
  what: string;
  quantity: number | null | undefined;
  unit: string;
  /** The donor typed the unit themselves: picking an item no longer replaces it. */
  unitTyped: boolean;
}

export type PlanField = 'expectedOn' | 'pickupAddress' | 'contactPhone' | 'note' | `lines/${number}/${'what' | 'quantity' | 'unit'}`;
/** Which check failed, as a message key under portal.form.check. */
export type PlanCheck = 'dateRequired' | 'dateInPast' | 'addressRequired' | 'whatRequired' | 'quantityInvalid' | 'unitRequired' | 'phoneInvalid';

const PHONE = /^[0-9+() -]{7,20}$/;

/**
 * The form for a new planned contribution. One Idempotency-Key per plan being written: a double
 * tap or a retry after a lost answer plans it once; a new key is taken after it is saved.
 */
export class PlanDraft {
  expectedOn = $state('');
  delivery = $state<Delivery>('drop_off');
  pickupAddress = $state('');
  contactPhone = $state('');
  note = $state('');
  lines = $state<PlanLine[]>([]);
  catalog = $state<CatalogItem[]>([]);
  private nextKey = 1;
  private requestKey = newRequestKey();

  constructor() {
    this.addLine();
  }

  async loadCatalog(): Promise<void> {
    const { data } = await auth.call(() => api.GET('/api/me/catalog'));
    this.catalog = data?.items ?? [];
  }

  addLine(): number {
    const key = this.nextKey++;
    this.lines.push({ key, what: '', quantity: null, unit: '', unitTyped: false });
    return key;
  }

  removeLine(key: number): void {
    if (this.lines.length > 1) this.lines = this.lines.filter((l) => l.key !== key);
  }

  /** The catalog item a line names exactly, if any; otherwise the line is described in free text. */
  itemOf(line: PlanLine): CatalogItem | undefined {
    const name = line.what.trim().normalize('NFC');
    return name ? this.catalog.find((item) => item.name.normalize('NFC') === name) : undefined;
  }

  /** After the donor changes what a line is: a picked item brings its unit unless one was typed. */
  whatChanged(line: PlanLine): void {
    const item = this.itemOf(line);
    if (item && !line.unitTyped) line.unit = item.unit;
  }

  /** The checks the server would make, done first so the donor sees them beside the fields. */
  check(): Partial<Record<PlanField, PlanCheck>> {
    const out: Partial<Record<PlanField, PlanCheck>> = {};
    if (!this.expectedOn) out.expectedOn = 'dateRequired';
    else if (this.expectedOn < todayIso()) out.expectedOn = 'dateInPast';
    if (this.delivery === 'pickup' && !this.pickupAddress.trim()) out.pickupAddress = 'addressRequired';
    if (this.contactPhone.trim() && !PHONE.test(this.contactPhone.trim())) out.contactPhone = 'phoneInvalid';
    this.lines.forEach((line, index) => {
      if (!line.what.trim()) out[`lines/${index}/what`] = 'whatRequired';
      // An empty or unreadable number input binds as null or undefined.
      if (typeof line.quantity !== 'number' || !Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 1_000_000) {
        out[`lines/${index}/quantity`] = 'quantityInvalid';
      }
      if (!line.unit.trim()) out[`lines/${index}/unit`] = 'unitRequired';
    });
    return out;
  }

  body(): PlannedContributionRequest {
    return {
      expectedOn: this.expectedOn,
      delivery: this.delivery,
      pickupAddress: this.delivery === 'pickup' ? this.pickupAddress.trim() : null,
      contactPhone: this.contactPhone.trim() || null,
      note: this.note.trim() || null,
      lines: this.lines.map((line) => {
        const item = this.itemOf(line);
        const quantity = line.quantity ?? 0;
        const unit = line.unit.trim();
        return item ? { itemId: item.id, quantity, unit } : { description: line.what.trim(), quantity, unit };
      }),
    };
  }

  async submit(): Promise<{ plan?: PlannedContribution; problem?: Problem }> {
    const body = this.body();
    const key = this.requestKey;
    const { data, error } = await auth.call(() => api.POST('/api/me/planned-contributions', { body, headers: { 'idempotency-key': key } }));
    if (data) this.reset();
    return data ? { plan: data } : { problem: error };
  }

  reset(): void {
    this.expectedOn = '';
    this.delivery = 'drop_off';
    this.pickupAddress = '';
    this.contactPhone = '';
    this.note = '';
    this.lines = [];
    this.addLine();
    this.requestKey = newRequestKey();
  }
}

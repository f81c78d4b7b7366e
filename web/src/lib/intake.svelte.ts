import { api, type Category, type Donation, type DonationLineInput, type Donor, type Item, type Location, type Problem, type StorageZone } from '../api/client';
import type { components } from '../api/schema';
import { auth } from './auth.svelte';
import { parseDateInput, todayIso } from './dates';
import { parseQuantity } from './quantity';
import { newRequestKey } from './idempotency';

export type Channel = 'walk_in' | 'pickup' | 'corporate_delivery' | 'food_drive' | 'transfer';
export type RejectionReason = 'expired' | 'damaged_packaging' | 'temperature_abuse' | 'not_accepted_category' | 'recalled' | 'other';
export type PlannedContribution = components['schemas']['PlannedContribution'];
export type PlannedLine = components['schemas']['PlannedContributionLine'];

export interface DeskLine {
  key: number;
  item: Item;
  quantityText: string;
  dateText: string;
  dateLabelKind: 'use_by' | 'sell_by' | 'none';
  zone: StorageZone;
  locationId: number | null;
  accepted: boolean;
  rejectionReason: RejectionReason | null;
  /** Why a line whose date has already passed is accepted anyway; without it the line is rejected. */
  overrideReason: string;
  /** Prefilled from the planned contribution being taken in (the desk walks through these first). */
  fromPlan: boolean;
  /** The quantity as the donor planned it ("200 봉"), shown beside the desk's own reading of it. */
  planned: string | null;
}

/** The intake desk's working donation: donor, lines built from scans, and its completion. */
class IntakeDesk {
  donor = $state<Donor | null>(null);
  receivedOn = $state(todayIso());
  channel = $state<Channel>('walk_in');
  notes = $state('');
  lines = $state<DeskLine[]>([]);
  locations = $state<Location[]>([]);
  categories = $state<Category[]>([]);
  /** Open planned contributions (기부 예정), soonest first: what the desk expects to arrive. */
  plans = $state<PlannedContribution[]>([]);
  /** The planned contribution this donation fulfils; it is marked received with the donation. */
  plan = $state<PlannedContribution | null>(null);
  /** Planned lines the desk could not prefill (free text, or an item no longer in the catalog): a reminder. */
  planReminders = $state<PlannedLine[]>([]);
  // One key per donation on the desk: a retried or double-clicked completion is recorded once.
  private idempotencyKey = newRequestKey();
  private nextKey = 1;

  async load(): Promise<void> {
    const [locations, categories] = await Promise.all([
      auth.call(() => api.GET('/api/locations', { params: { query: { active: true } } })),
      auth.call(() => api.GET('/api/categories')),
    ]);
    this.locations = locations.data?.items ?? [];
    this.categories = categories.data?.items ?? [];
    await this.loadPlans();
  }

  async loadPlans(): Promise<void> {
    const { data } = await auth.call(() => api.GET('/api/planned-contributions', { params: { query: { status: 'planned' } } }));
    this.plans = (data?.items ?? []).toSorted((a, b) => a.expectedOn.localeCompare(b.expectedOn) || a.id - b.id);
  }

  /** Open plans of the donor on the desk, offered once the donor is chosen by search. */
  get plansOfDonor(): PlannedContribution[] {
    const donorId = this.donor?.id;
    return donorId === undefined ? [] : this.plans.filter((p) => p.donorId === donorId);
  }

  /**
   * Takes in a planned contribution: its donor comes onto the desk and, when the desk has no lines
   * yet, every line naming a catalog item is prefilled with the planned quantity. Returns the key
   * of the first prefilled line (to focus), or null.
   */
  async takePlan(plan: PlannedContribution): Promise<{ firstKey: number | null; problem?: Problem }> {
    const itemIds = [...new Set(plan.lines.flatMap((l) => (l.itemId === null ? [] : [l.itemId])))];
    const [donor, ...items] = await Promise.all([
      auth.call(() => api.GET('/api/donors/{id}', { params: { path: { id: plan.donorId } } })),
      ...itemIds.map((id) => auth.call(() => api.GET('/api/items/{id}', { params: { path: { id } } }))),
    ]);
    if (!donor.data) return { firstKey: null, ...(donor.error ? { problem: donor.error } : {}) };
    this.donor = donor.data;
    this.plan = plan;
    this.planReminders = plan.lines.filter((l) => l.itemId === null);
    if (plan.delivery === 'pickup') this.channel = 'pickup';
    else if (donor.data.kind === 'organisation') this.channel = 'corporate_delivery';
    else this.channel = 'walk_in';
    if (this.lines.length > 0) return { firstKey: null };
    const byId = new Map(items.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : [])));
    let firstKey: number | null = null;
    for (const line of plan.lines) {
      const item = line.itemId === null ? undefined : byId.get(line.itemId);
      if (!item) {
        if (line.itemId !== null) this.planReminders.push(line);
        continue;
      }
      // "48 개" or "3 박스" is read as the desk reads it; a unit the desk does not know ("200 봉" of
      // an item counted in 개) is prefilled as the bare number, with the donor's words beside it.
      const planned = `${line.quantity} ${line.unit}`;
      const known = parseQuantity(planned, item).ok;
      const key = this.addLine(item, line.quantity, known ? planned : String(line.quantity), planned);
      firstKey ??= key;
    }
    return { firstKey };
  }

  /** The donor is changed: a plan of the previous donor no longer applies. */
  clearDonor(): void {
    this.donor = null;
    this.unlinkPlan();
  }

  unlinkPlan(): void {
    this.plan = null;
    this.planReminders = [];
  }

  /** The next prefilled line still missing its quantity or date, after the given one. */
  nextIncompletePlanLine(afterKey: number): { key: number; field: 'quantity' | 'date' } | null {
    const index = this.lines.findIndex((l) => l.key === afterKey);
    for (const line of this.lines.slice(index + 1)) {
      if (!line.fromPlan) continue;
      if (this.quantityOf(line) === null) return { key: line.key, field: 'quantity' };
      if (line.dateLabelKind !== 'none' && this.dateOf(line) === null) return { key: line.key, field: 'date' };
    }
    return null;
  }

  locationsFor(zone: StorageZone): Location[] {
    return this.locations.filter((l) => l.zone === zone);
  }

  /**
   * Adds a line with the item's defaults; returns its key so the page can focus its quantity. A line
   * prefilled from a planned contribution keeps the donor's own words for the quantity (`planned`).
   */
  addLine(item: Item, quantity: number, quantityText = String(quantity), planned: string | null = null): number {
    const household = this.categories.find((c) => c.id === item.categoryId)?.kind === 'household';
    const key = this.nextKey++;
    this.lines.push({
      key,
      item,
      quantityText,
      dateText: '',
      dateLabelKind: household ? 'none' : 'use_by',
      zone: item.defaultZone,
      locationId: this.locationsFor(item.defaultZone)[0]?.id ?? null,
      accepted: true,
      rejectionReason: null,
      overrideReason: '',
      fromPlan: planned !== null,
      planned,
    });
    return key;
  }

  removeLine(key: number): void {
    this.lines = this.lines.filter((l) => l.key !== key);
  }

  quantityOf(line: DeskLine): number | null {
    const parsed = parseQuantity(line.quantityText, line.item);
    return parsed.ok ? parsed.quantity : null;
  }

  dateOf(line: DeskLine): string | null {
    return line.dateLabelKind === 'none' ? null : parseDateInput(line.dateText);
  }

  /** The line's date has passed on the day of receipt: it is rejected unless staff give a reason. */
  isPastDate(line: DeskLine): boolean {
    const date = this.dateOf(line);
    return date !== null && date < this.receivedOn;
  }

  /** What still keeps the donation from being completed, line by line. */
  get problems(): { key: number; field: 'quantity' | 'date' | 'location' }[] {
    return this.lines.flatMap((line) => {
      const out: { key: number; field: 'quantity' | 'date' | 'location' }[] = [];
      if (this.quantityOf(line) === null) out.push({ key: line.key, field: 'quantity' });
      if (line.dateLabelKind !== 'none' && this.dateOf(line) === null) out.push({ key: line.key, field: 'date' });
      if (line.accepted && line.locationId === null) out.push({ key: line.key, field: 'location' });
      return out;
    });
  }

  get summary() {
    const accepted = this.lines.filter((l) => l.accepted);
    return {
      lines: this.lines.length,
      accepted: accepted.length,
      rejected: this.lines.length - accepted.length,
      units: accepted.reduce((sum, l) => sum + (this.quantityOf(l) ?? 0), 0),
      value: accepted.reduce((sum, l) => sum + (this.quantityOf(l) ?? 0) * l.item.defaultUnitValue, 0),
    };
  }

  private body(complete: boolean) {
    const lines: DonationLineInput[] = this.lines.map((line) => ({
      itemId: line.item.id,
      quantity: this.quantityOf(line) ?? 0,
      dateLabelKind: line.dateLabelKind,
      dateLabel: this.dateOf(line),
      zone: line.zone,
      accepted: line.accepted,
      rejectionReason: line.accepted ? null : (line.rejectionReason ?? 'other'),
      overrideReason: line.accepted && this.isPastDate(line) ? line.overrideReason.trim() || null : null,
      locationId: line.accepted ? line.locationId : null,
    }));
    return {
      donorId: this.donor!.id,
      receivedOn: this.receivedOn,
      channel: this.channel,
      notes: this.notes || null,
      lines,
      complete,
      ...(this.plan ? { plannedContributionId: this.plan.id } : {}),
    };
  }

  async submit(complete: boolean): Promise<{ donation?: Donation; problem?: Problem }> {
    const { data, error } = await auth.call(() =>
      api.POST('/api/donations', { body: this.body(complete), headers: { 'idempotency-key': this.idempotencyKey } }),
    );
    if (data) {
      this.reset();
      void this.loadPlans();
    }
    return data ? { donation: data } : { problem: error };
  }

  reset(): void {
    this.donor = null;
    this.unlinkPlan();
    this.notes = '';
    this.lines = [];
    this.receivedOn = todayIso();
    this.idempotencyKey = newRequestKey();
  }
}

export const intakeDesk = new IntakeDesk();

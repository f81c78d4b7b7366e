import { api, type Category, type Donation, type DonationLineInput, type Donor, type Item, type Location, type Problem, type StorageZone } from '../api/client';
import { auth } from './auth.svelte';
import { parseDateInput, todayIso } from './dates';
import { parseQuantity } from './quantity';

export type Channel = 'walk_in' | 'pickup' | 'corporate_delivery' | 'food_drive' | 'transfer';
export type RejectionReason = 'expired' | 'damaged_packaging' | 'temperature_abuse' | 'not_accepted_category' | 'recalled' | 'other';

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
  // One key per donation on the desk: a retried or double-clicked completion is recorded once.
  private idempotencyKey = crypto.randomUUID();
  private nextKey = 1;

  async load(): Promise<void> {
    const [locations, categories] = await Promise.all([
      auth.call(() => api.GET('/api/locations', { params: { query: { active: true } } })),
      auth.call(() => api.GET('/api/categories')),
    ]);
    this.locations = locations.data?.items ?? [];
    this.categories = categories.data?.items ?? [];
  }

  locationsFor(zone: StorageZone): Location[] {
    return this.locations.filter((l) => l.zone === zone);
  }

  /** Adds a line with the item's defaults; returns its key so the page can focus its quantity. */
  addLine(item: Item, quantity: number): number {
    const household = this.categories.find((c) => c.id === item.categoryId)?.kind === 'household';
    const key = this.nextKey++;
    this.lines.push({
      key,
      item,
      quantityText: String(quantity),
      dateText: '',
      dateLabelKind: household ? 'none' : 'use_by',
      zone: item.defaultZone,
      locationId: this.locationsFor(item.defaultZone)[0]?.id ?? null,
      accepted: true,
      rejectionReason: null,
      overrideReason: '',
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
    return { donorId: this.donor!.id, receivedOn: this.receivedOn, channel: this.channel, notes: this.notes || null, lines, complete };
  }

  async submit(complete: boolean): Promise<{ donation?: Donation; problem?: Problem }> {
    const { data, error } = await auth.call(() =>
      api.POST('/api/donations', { body: this.body(complete), headers: { 'idempotency-key': this.idempotencyKey } }),
    );
    if (data) this.reset();
    return data ? { donation: data } : { problem: error };
  }

  reset(): void {
    this.donor = null;
    this.notes = '';
    this.lines = [];
    this.receivedOn = todayIso();
    this.idempotencyKey = crypto.randomUUID();
  }
}

export const intakeDesk = new IntakeDesk();

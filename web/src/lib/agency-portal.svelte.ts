import { api, type Problem } from '../api/client';
import type { components } from '../api/schema';
import { auth } from './auth.svelte';
import { todayIso } from './dates';
import { newRequestKey } from './idempotency';

export type MyAgency = components['schemas']['MyAgency'];
export type Agency = components['schemas']['Agency'];
export type AgencyType = Agency['type'];
export type AgencyStatus = Agency['status'];
export type Fulfilment = Agency['fulfilment'];
export type AgencyProfileBody = components['schemas']['AgencyRequest'];
export type AllocationRequest = components['schemas']['AllocationRequest'];
export type RequestStatus = AllocationRequest['status'];
export type RequestBody = components['schemas']['AllocationRequestRequest'];
export type RequestPreview = components['schemas']['AllocationRequestPreview'];
export type Requestable = components['schemas']['Requestable'];
export type RequestableItem = Requestable['items'][number];
export type RequestableCategory = Requestable['categories'][number];
export type Availability = RequestableItem['availability'];
export type TraceEntry = components['schemas']['TraceEntry'];
export type StorageZone = components['schemas']['StorageZone'];

/** In the order a Korean food bank lists them; labels are under agency.type. */
export const AGENCY_TYPES: readonly AgencyType[] = [
  'community_child_center',
  'senior_welfare_center',
  'disability_facility',
  'free_meal_center',
  'social_welfare_center',
  'community_service_center',
  'shelter',
  'other',
];

/** The four priority categories of people served, first priority first (domain.md). */
export const PRIORITY_GROUPS = ['emergency', 'nearPoor', 'cutOff', 'recipients'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

/** The way a request normally goes; cancelled and partly allocated are shown beside it. */
export const REQUEST_STEPS = ['draft', 'submitted', 'allocated', 'ready', 'handed_over', 'received'] as const;
/** A request may be cancelled until it is handed over (as the server allows). */
export const CANCELLABLE: readonly RequestStatus[] = ['draft', 'submitted', 'partly_allocated', 'allocated', 'ready'];
/** Requests still on their way: everything but received and cancelled. */
export const isOpen = (request: AllocationRequest) => request.status !== 'received' && request.status !== 'cancelled';
/** Whether staff have matched anything yet: before that a fill rate says nothing. */
export const isMatched = (request: AllocationRequest) => !['draft', 'submitted', 'cancelled'].includes(request.status) || request.allocated > 0;

/**
 * The signed-in agency user's agency and its status. Kept per account, so signing in as someone
 * else in the same tab never shows the last one's agency.
 */
class AgencyPortal {
  me = $state<MyAgency | null>(null);
  problem = $state<Problem | null>(null);
  private userId: number | null = null;

  get agency(): Agency | null {
    return this.me?.agency ?? null;
  }

  get approved(): boolean {
    return this.agency?.status === 'approved';
  }

  async load(fresh = false): Promise<MyAgency | null> {
    const userId = auth.user?.id ?? null;
    if (!fresh && this.me && this.userId === userId) return this.me;
    this.problem = null;
    const { data, error } = await auth.call(() => api.GET('/api/me/agency'));
    if (error) this.problem = error;
    if (data) this.accept(data);
    return data ?? null;
  }

  accept(me: MyAgency): void {
    this.me = me;
    this.userId = auth.user?.id ?? null;
  }
}

export const agencyPortal = new AgencyPortal();

// ---------------------------------------------------------------------------------------------
// The agency's profile, as typed in a form (numbers may be empty while typing).

type Count = number | null | undefined;

export interface ProfileForm {
  name: string;
  type: AgencyType | '';
  registrationNumber: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  fridge: boolean;
  freezer: boolean;
  ambientCapacity: Count;
  chilledCapacity: Count;
  frozenCapacity: Count;
  people: Record<PriorityGroup, Count>;
  fulfilment: Fulfilment;
}

/** Which check failed, as a message key under agency.check. */
export type ProfileCheck = 'required' | 'typeRequired' | 'phoneInvalid' | 'emailInvalid' | 'countInvalid' | 'capacityInvalid';

export function emptyProfile(): ProfileForm {
  return {
    name: '',
    type: '',
    registrationNumber: '',
    address: '',
    contactName: '',
    contactPhone: '',
    contactEmail: '',
    fridge: false,
    freezer: false,
    ambientCapacity: null,
    chilledCapacity: null,
    frozenCapacity: null,
    people: { emergency: 0, nearPoor: 0, cutOff: 0, recipients: 0 },
    fulfilment: 'pickup',
  };
}

export function profileFromAgency(agency: Agency, phone: (digits: string) => string): ProfileForm {
  return {
    name: agency.name,
    type: agency.type,
    registrationNumber: agency.registrationNumber ?? '',
    address: agency.address,
    contactName: agency.contactName,
    contactPhone: phone(agency.contactPhone),
    contactEmail: agency.contactEmail ?? '',
    fridge: agency.storage.fridge,
    freezer: agency.storage.freezer,
    ambientCapacity: agency.storage.ambientCapacity,
    chilledCapacity: agency.storage.chilledCapacity,
    frozenCapacity: agency.storage.frozenCapacity,
    people: { ...agency.peopleServed },
    fulfilment: agency.fulfilment,
  };
}

const PHONE = /^[0-9+() -]{7,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isCount = (value: Count, min: number, max: number) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** The checks the server makes, keyed by the server's field paths so its answers land in the same place. */
export function checkProfile(form: ProfileForm): Record<string, ProfileCheck> {
  const out: Record<string, ProfileCheck> = {};
  if (!form.name.trim()) out.name = 'required';
  if (!form.type) out.type = 'typeRequired';
  if (!form.address.trim()) out.address = 'required';
  if (!form.contactName.trim()) out.contactName = 'required';
  if (!form.contactPhone.trim()) out.contactPhone = 'required';
  else if (!PHONE.test(form.contactPhone.trim())) out.contactPhone = 'phoneInvalid';
  if (form.contactEmail.trim() && !EMAIL.test(form.contactEmail.trim())) out.contactEmail = 'emailInvalid';
  const capacities: [keyof ProfileForm & `${string}Capacity`, boolean][] = [
    ['ambientCapacity', true],
    ['chilledCapacity', form.fridge],
    ['frozenCapacity', form.freezer],
  ];
  for (const [field, shown] of capacities) {
    const value = form[field];
    if (shown && value !== null && value !== undefined && !isCount(value, 1, 100_000_000)) out[`storage/${field}`] = 'capacityInvalid';
  }
  for (const group of PRIORITY_GROUPS) {
    if (!isCount(form.people[group], 0, 1_000_000)) out[`peopleServed/${group}`] = 'countInvalid';
  }
  return out;
}

const capacity = (value: Count, shown: boolean) => (shown && typeof value === 'number' ? value : null);

export function profileBody(form: ProfileForm): AgencyProfileBody {
  return {
    name: form.name.trim(),
    type: form.type as AgencyType,
    registrationNumber: form.registrationNumber.trim() || null,
    address: form.address.trim(),
    contactName: form.contactName.trim(),
    contactPhone: form.contactPhone.trim(),
    contactEmail: form.contactEmail.trim() || null,
    // A zone the agency cannot keep has no capacity either.
    storage: {
      fridge: form.fridge,
      freezer: form.freezer,
      ambientCapacity: capacity(form.ambientCapacity, true),
      chilledCapacity: capacity(form.chilledCapacity, form.fridge),
      frozenCapacity: capacity(form.frozenCapacity, form.freezer),
    },
    peopleServed: {
      emergency: form.people.emergency ?? 0,
      nearPoor: form.people.nearPoor ?? 0,
      cutOff: form.people.cutOff ?? 0,
      recipients: form.people.recipients ?? 0,
    },
    fulfilment: form.fulfilment,
  };
}

// ---------------------------------------------------------------------------------------------
// A request being written: a new one, or a draft being changed.

export interface RequestLine {
  key: number;
  /** A named item ("두유 190ml 30팩") or any item of a category ("라면류 200개"). */
  kind: 'item' | 'category';
  /** The item's name as typed or picked from the list. */
  itemText: string;
  categoryId: string;
  quantity: Count;
}

export type RequestField = 'neededBy' | `lines/${number}/${'target' | 'quantity'}`;
/** Which check failed, as a message key under agency.form.check. */
export type RequestCheck = 'dateRequired' | 'dateInPast' | 'itemUnknown' | 'categoryRequired' | 'quantityInvalid';

export class RequestDraft {
  neededBy = $state('');
  fulfilment = $state<Fulfilment>('pickup');
  note = $state('');
  lines = $state<RequestLine[]>([]);
  items = $state<RequestableItem[]>([]);
  categories = $state<RequestableCategory[]>([]);
  loaded = $state(false);
  /** The draft being changed, or null for a new request. */
  readonly requestId: number | null;
  private nextKey = 1;
  /**
   * One Idempotency-Key per request as written: a double tap or a retry after a lost answer
   * creates it once. The server refuses a key reused for a different body, so a changed body
   * (say, "save as draft" after "submit" was refused) takes a new key.
   */
  private sent: { body: string; key: string } | null = null;

  constructor(options: { fulfilment?: Fulfilment; request?: AllocationRequest | null } = {}) {
    const request = options.request ?? null;
    this.requestId = request?.id ?? null;
    this.fulfilment = request?.fulfilment ?? options.fulfilment ?? 'pickup';
    if (request) {
      this.neededBy = request.neededBy;
      this.note = request.note ?? '';
      for (const line of request.lines) {
        this.lines.push({
          key: this.nextKey++,
          kind: line.itemId !== null ? 'item' : 'category',
          itemText: line.itemId !== null ? line.name : '',
          categoryId: line.categoryId !== null ? String(line.categoryId) : '',
          quantity: line.quantity,
        });
      }
    }
    if (this.lines.length === 0) this.addLine();
  }

  async loadRequestable(): Promise<Problem | null> {
    const { data, error } = await auth.call(() => api.GET('/api/me/requestable'));
    this.items = data?.items ?? [];
    this.categories = data?.categories ?? [];
    this.loaded = Boolean(data);
    return error ?? null;
  }

  addLine(kind: RequestLine['kind'] = 'item'): number {
    const key = this.nextKey++;
    this.lines.push({ key, kind, itemText: '', categoryId: '', quantity: null });
    return key;
  }

  removeLine(key: number): void {
    if (this.lines.length > 1) this.lines = this.lines.filter((l) => l.key !== key);
  }

  /** The requestable item a line names exactly, if any. */
  itemOf(line: RequestLine): RequestableItem | undefined {
    const name = line.itemText.trim().normalize('NFC');
    return line.kind === 'item' && name ? this.items.find((item) => item.name.normalize('NFC') === name) : undefined;
  }

  categoryOf(line: RequestLine): RequestableCategory | undefined {
    return line.kind === 'category' && line.categoryId ? this.categories.find((c) => String(c.id) === line.categoryId) : undefined;
  }

  check(): Partial<Record<RequestField, RequestCheck>> {
    const out: Partial<Record<RequestField, RequestCheck>> = {};
    if (!this.neededBy) out.neededBy = 'dateRequired';
    else if (this.neededBy < todayIso()) out.neededBy = 'dateInPast';
    this.lines.forEach((line, index) => {
      if (line.kind === 'item' && !this.itemOf(line)) out[`lines/${index}/target`] = 'itemUnknown';
      if (line.kind === 'category' && !this.categoryOf(line)) out[`lines/${index}/target`] = 'categoryRequired';
      const q = line.quantity;
      if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > 1_000_000) out[`lines/${index}/quantity`] = 'quantityInvalid';
    });
    return out;
  }

  body(submit = false, confirmUnusual = false): RequestBody {
    return {
      neededBy: this.neededBy,
      fulfilment: this.fulfilment,
      note: this.note.trim() || null,
      lines: this.lines.map((line) => {
        const quantity = line.quantity ?? 0;
        const item = this.itemOf(line);
        const category = this.categoryOf(line);
        return item ? { itemId: item.id, quantity } : { categoryId: category?.id ?? 0, quantity };
      }),
      ...(submit ? { submit: true } : {}),
      ...(submit && confirmUnusual ? { confirmUnusual: true } : {}),
    };
  }

  /** The confirmation step: the lines as they will be kept, and any quantity far above usual. */
  async preview(): Promise<{ preview?: RequestPreview; problem?: Problem }> {
    const body = this.body();
    const { data, error } = await auth.call(() => api.POST('/api/me/requests/preview', { body }));
    return data ? { preview: data } : { problem: error };
  }

  /** Creates the request (or replaces the draft), kept as a draft or submitted. */
  async save(submit: boolean, confirmUnusual: boolean): Promise<{ request?: AllocationRequest; problem?: Problem }> {
    const body = this.body(submit, confirmUnusual);
    const id = this.requestId;
    if (id !== null) {
      const { data, error } = await auth.call(() => api.PUT('/api/me/requests/{id}', { params: { path: { id } }, body }));
      return data ? { request: data } : { problem: error };
    }
    const key = this.keyFor(body);
    const { data, error } = await auth.call(() => api.POST('/api/me/requests', { body, headers: { 'idempotency-key': key } }));
    if (data) this.sent = null;
    return data ? { request: data } : { problem: error };
  }

  private keyFor(body: RequestBody): string {
    const json = JSON.stringify(body);
    if (this.sent?.body !== json) this.sent = { body: json, key: newRequestKey() };
    return this.sent.key;
  }
}

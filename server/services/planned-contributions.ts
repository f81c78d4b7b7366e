import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { nowIso } from '../db/client.js';
import {
  findPlannedContribution,
  findPlanWithDonor,
  insertPlannedContribution,
  listPlannedContributions,
  plannedLinesOf,
  updatePlannedContribution,
  type PlannedFilters,
  type PlannedLineWithItem,
  type PlannedWithDonor,
} from '../db/repositories/planned-contributions.js';
import { categories, items, type DonationRow, type PlannedContributionRow } from '../db/schema.js';
import { conflict, notFound, unprocessable } from '../domain/errors.js';
import type { Actor } from '../domain/roles.js';
import { today } from '../lib/dates.js';
import type { PlannedContributionBody, PlannedContributionDto } from '../schemas/planned-contributions.js';

function toDto(row: PlannedWithDonor, lines: PlannedLineWithItem[]): PlannedContributionDto {
  const { plan } = row;
  return {
    id: plan.id,
    donorId: plan.donorId,
    donorName: row.donorName,
    expectedOn: plan.expectedOn,
    delivery: plan.delivery,
    pickupAddress: plan.pickupAddress,
    contactPhone: plan.contactPhone,
    note: plan.note,
    status: plan.status,
    donationId: plan.donationId,
    cancelReason: plan.cancelReason,
    createdAt: plan.createdAt,
    lines: lines.map(({ lineNo, itemId, itemName, description, quantity, unit }) => ({ lineNo, itemId, itemName, description, quantity, unit })),
  };
}

function withLines(db: DbOrTx, rows: PlannedWithDonor[]): PlannedContributionDto[] {
  const lines = plannedLinesOf(db, rows.map((r) => r.plan.id));
  return rows.map((r) => toDto(r, lines.filter((l) => l.plannedContributionId === r.plan.id)));
}

function loadOne(db: DbOrTx, foodBankId: number, id: number): PlannedContributionDto {
  return withLines(db, [findPlanWithDonor(db, foodBankId, id)!])[0]!;
}

/** What a donor may pick when planning: active items of the food bank, with their category. */
export function donorCatalog(db: Db, actor: Actor) {
  return db
    .select({ id: items.id, name: items.name, unit: items.unit, categoryName: categories.name })
    .from(items)
    .innerJoin(categories, eq(categories.id, items.categoryId))
    .where(and(eq(items.foodBankId, actor.foodBankId), eq(items.active, true), eq(categories.accepted, true)))
    .orderBy(asc(categories.name), asc(items.name))
    .all();
}

/**
 * Records what a donor will bring (or wants picked up). Lines name a catalog item or describe the
 * goods; a pickup needs an address; the day cannot have passed already.
 */
export function createPlan(db: Db, actor: Actor, donorId: number, input: PlannedContributionBody): PlannedContributionDto {
  if (input.expectedOn < today()) throw unprocessable('date_in_past', 'The expected day has already passed', { expectedOn: input.expectedOn });
  const pickupAddress = input.pickupAddress?.trim() || null;
  if (input.delivery === 'pickup' && !pickupAddress) throw unprocessable('pickup_address_required', 'Say where the goods are to be picked up');
  return db.transaction(
    (tx) => {
      const itemIds = [...new Set(input.lines.flatMap((l) => (l.itemId ? [l.itemId] : [])))];
      const known = new Map(
        (itemIds.length ? tx.select().from(items).where(and(eq(items.foodBankId, actor.foodBankId), inArray(items.id, itemIds))).all() : []).map((i) => [i.id, i]),
      );
      const lines = input.lines.map((line, index) => {
        const lineNo = index + 1;
        const item = line.itemId ? known.get(line.itemId) : undefined;
        if (line.itemId && (!item || !item.active)) throw unprocessable('unknown_item', `Line ${lineNo}: no such item`, { lineNo, itemId: line.itemId });
        const description = line.description?.trim() || item?.name;
        if (!description) throw unprocessable('description_required', `Line ${lineNo}: say what it is`, { lineNo });
        // A catalog item is counted in its own unit, so the desk can take the quantity as it stands.
        return { lineNo, itemId: item?.id ?? null, description, quantity: line.quantity, unit: item ? item.unit : line.unit.trim() };
      });
      const plan = insertPlannedContribution(
        tx,
        {
          foodBankId: actor.foodBankId,
          donorId,
          expectedOn: input.expectedOn,
          delivery: input.delivery,
          pickupAddress: input.delivery === 'pickup' ? pickupAddress : null,
          contactPhone: input.contactPhone?.replace(/\D/g, '') || null,
          note: input.note?.trim() || null,
          createdBy: actor.userId,
        },
        lines,
      );
      return loadOne(tx, actor.foodBankId, plan.id);
    },
    { behavior: 'immediate' },
  );
}

/** Plans of the food bank (staff), or of one donor's records (the donor's own view). */
export function listPlans(db: Db, actor: Actor, filters: PlannedFilters): PlannedContributionDto[] {
  return withLines(db, listPlannedContributions(db, actor.foodBankId, filters));
}

export function getPlan(db: Db, actor: Actor, id: number, donorId?: number): PlannedContributionDto {
  const plan = findPlannedContribution(db, actor.foodBankId, id);
  if (!plan || (donorId !== undefined && plan.donorId !== donorId)) throw notFound('Planned contribution');
  return loadOne(db, actor.foodBankId, id);
}

/** Cancels a plan that has not arrived; a donor may cancel only their own. */
export function cancelPlan(db: Db, actor: Actor, id: number, reason: string, donorId?: number): PlannedContributionDto {
  return db.transaction(
    (tx) => {
      const plan = findPlannedContribution(tx, actor.foodBankId, id);
      if (!plan || (donorId !== undefined && plan.donorId !== donorId)) throw notFound('Planned contribution');
      if (plan.status !== 'planned') throw conflict('plan_not_open', 'The contribution has already arrived or been cancelled');
      updatePlannedContribution(tx, id, { status: 'cancelled', cancelReason: reason.trim(), updatedAt: nowIso() });
      return loadOne(tx, actor.foodBankId, id);
    },
    { behavior: 'immediate' },
  );
}

/**
 * Called inside the donation's transaction when the desk takes in a planned contribution: the plan
 * must be open and belong to the same donor, and it is then marked received with the donation.
 */
export function receivePlan(tx: DbOrTx, actor: Actor, planId: number, donation: DonationRow): PlannedContributionRow {
  const plan = findPlannedContribution(tx, actor.foodBankId, planId);
  if (!plan) throw unprocessable('unknown_plan', 'No such planned contribution', { plannedContributionId: planId });
  if (plan.status !== 'planned') throw conflict('plan_not_open', 'The contribution has already arrived or been cancelled');
  if (plan.donorId !== donation.donorId) {
    throw unprocessable('plan_donor_mismatch', 'The planned contribution is from another donor', { plannedContributionId: planId, donorId: plan.donorId });
  }
  return updatePlannedContribution(tx, planId, { status: 'received', donationId: donation.id, updatedAt: nowIso() });
}

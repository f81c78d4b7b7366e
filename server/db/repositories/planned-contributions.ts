import { and, asc, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import {
  donors,
  items,
  plannedContributionLines,
  plannedContributions,
  type PlannedContributionLineRow,
  type PlannedContributionRow,
} from '../schema.js';
import type { PlannedStatus } from '../../domain/planned-contributions.js';

export type PlannedLineWithItem = PlannedContributionLineRow & { itemName: string | null };
export type PlannedWithDonor = { plan: PlannedContributionRow; donorName: string };

export function insertPlannedContribution(
  tx: DbOrTx,
  values: typeof plannedContributions.$inferInsert,
  lines: Omit<typeof plannedContributionLines.$inferInsert, 'plannedContributionId'>[],
): PlannedContributionRow {
  const plan = tx.insert(plannedContributions).values(values).returning().get();
  tx.insert(plannedContributionLines).values(lines.map((line) => ({ ...line, plannedContributionId: plan.id }))).run();
  return plan;
}

export function findPlannedContribution(db: DbOrTx, foodBankId: number, id: number): PlannedContributionRow | undefined {
  return db
    .select()
    .from(plannedContributions)
    .where(and(eq(plannedContributions.foodBankId, foodBankId), eq(plannedContributions.id, id)))
    .get();
}

export function updatePlannedContribution(tx: DbOrTx, id: number, values: Partial<typeof plannedContributions.$inferInsert>): PlannedContributionRow {
  return tx.update(plannedContributions).set(values).where(eq(plannedContributions.id, id)).returning().get()!;
}

export interface PlannedFilters {
  donorIds?: number[];
  status?: PlannedStatus;
  from?: string;
  to?: string;
}

/** Plans of a food bank, soonest expected first (the desk's order), with the donor's name. */
export function listPlannedContributions(db: DbOrTx, foodBankId: number, filters: PlannedFilters): PlannedWithDonor[] {
  const conditions: SQL[] = [eq(plannedContributions.foodBankId, foodBankId)];
  if (filters.donorIds) conditions.push(inArray(plannedContributions.donorId, filters.donorIds));
  if (filters.status) conditions.push(eq(plannedContributions.status, filters.status));
  if (filters.from) conditions.push(gte(plannedContributions.expectedOn, filters.from));
  if (filters.to) conditions.push(lte(plannedContributions.expectedOn, filters.to));
  return db
    .select({ plan: plannedContributions, donorName: donors.name })
    .from(plannedContributions)
    .innerJoin(donors, eq(donors.id, plannedContributions.donorId))
    .where(and(...conditions))
    .orderBy(filters.status === 'planned' ? asc(plannedContributions.expectedOn) : desc(plannedContributions.expectedOn), asc(plannedContributions.id))
    .limit(200)
    .all();
}

export function plannedLinesOf(db: DbOrTx, planIds: number[]): PlannedLineWithItem[] {
  if (planIds.length === 0) return [];
  return db
    .select({ line: plannedContributionLines, itemName: items.name })
    .from(plannedContributionLines)
    .leftJoin(items, eq(items.id, plannedContributionLines.itemId))
    .where(inArray(plannedContributionLines.plannedContributionId, planIds))
    .orderBy(asc(plannedContributionLines.plannedContributionId), asc(plannedContributionLines.lineNo))
    .all()
    .map((r) => ({ ...r.line, itemName: r.itemName }));
}

export function movePlannedContributions(tx: DbOrTx, fromDonorId: number, toDonorId: number): void {
  tx.update(plannedContributions).set({ donorId: toDonorId }).where(eq(plannedContributions.donorId, fromDonorId)).run();
}

export function findPlanWithDonor(db: DbOrTx, foodBankId: number, id: number): PlannedWithDonor | undefined {
  return db
    .select({ plan: plannedContributions, donorName: donors.name })
    .from(plannedContributions)
    .innerJoin(donors, eq(donors.id, plannedContributions.donorId))
    .where(and(eq(plannedContributions.foodBankId, foodBankId), eq(plannedContributions.id, id)))
    .get();
}

import type { Db, DbOrTx } from '../db/client.js';
import { nowIso } from '../db/client.js';
import { agencyIdOfUser, findAgency, findAgencyByKey, insertAgency, linkAgencyAccount, listAgencyRows, updateAgencyRow } from '../db/repositories/agencies.js';
import { findFoodBank } from '../db/repositories/food-banks.js';
import { findUserByEmail, insertUser } from '../db/repositories/users.js';
import { agencyAccounts, users, type AgencyRow, type UserRow } from '../db/schema.js';
import { asc, eq } from 'drizzle-orm';
import type { AgencyStatus } from '../domain/distribution.js';
import { AppError, conflict, notFound, unprocessable } from '../domain/errors.js';
import { cleanName, nameKey } from '../domain/names.js';
import type { Actor } from '../domain/roles.js';
import { generatePassword, hashPassword } from '../lib/passwords.js';
import type { AgencyApplicationBody, AgencyBody, AgencyDto, UpdateAgencyBody } from '../schemas/agencies.js';

export function toAgencyDto(row: AgencyRow): AgencyDto {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    registrationNumber: row.registrationNumber,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    storage: {
      fridge: row.hasFridge,
      freezer: row.hasFreezer,
      ambientCapacity: row.ambientCapacity,
      chilledCapacity: row.chilledCapacity,
      frozenCapacity: row.frozenCapacity,
    },
    peopleServed: { emergency: row.peopleEmergency, nearPoor: row.peopleNearPoor, cutOff: row.peopleCutOff, recipients: row.peopleRecipients },
    fulfilment: row.fulfilment,
    status: row.status,
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt,
    createdAt: row.createdAt,
  };
}

/** The columns of a profile form; `undefined` fields are left as they are. */
function profileColumns(input: UpdateAgencyBody): Partial<AgencyRow> {
  const out: Partial<AgencyRow> = {};
  if (input.name !== undefined) Object.assign(out, { name: cleanName(input.name), nameKey: nameKey(input.name) });
  if (input.type !== undefined) out.type = input.type;
  if (input.registrationNumber !== undefined) out.registrationNumber = input.registrationNumber?.trim() || null;
  if (input.address !== undefined) out.address = input.address.trim();
  if (input.contactName !== undefined) out.contactName = input.contactName.trim();
  if (input.contactPhone !== undefined) out.contactPhone = input.contactPhone.replace(/\D/g, '');
  if (input.contactEmail !== undefined) out.contactEmail = input.contactEmail?.trim().toLowerCase() || null;
  if (input.fulfilment !== undefined) out.fulfilment = input.fulfilment;
  if (input.storage) {
    const { fridge, freezer, ambientCapacity, chilledCapacity, frozenCapacity } = input.storage;
    // A zone the agency cannot keep has no capacity to state.
    Object.assign(out, {
      hasFridge: fridge,
      hasFreezer: freezer,
      ambientCapacity,
      chilledCapacity: fridge ? chilledCapacity : null,
      frozenCapacity: freezer ? frozenCapacity : null,
    });
  }
  if (input.peopleServed) {
    const { emergency, nearPoor, cutOff, recipients } = input.peopleServed;
    Object.assign(out, { peopleEmergency: emergency, peopleNearPoor: nearPoor, peopleCutOff: cutOff, peopleRecipients: recipients });
  }
  return out;
}

function assertNameFree(tx: DbOrTx, foodBankId: number, name: string, exceptId?: number): void {
  const existing = findAgencyByKey(tx, foodBankId, nameKey(name));
  if (existing && existing.id !== exceptId) {
    throw new AppError(409, 'agency_name_taken', 'An agency with this name is already registered', { facts: { agencyId: existing.id } });
  }
}

function newAgency(tx: DbOrTx, foodBankId: number, input: AgencyBody, status: AgencyStatus, actorId: number | null): AgencyRow {
  assertNameFree(tx, foodBankId, input.name);
  const columns = profileColumns(input) as Required<ReturnType<typeof profileColumns>>;
  return insertAgency(tx, {
    ...columns,
    foodBankId,
    status,
    ...(status === 'approved' ? { statusChangedBy: actorId, statusChangedAt: nowIso() } : {}),
  });
}

export function requireAgency(db: DbOrTx, actor: Actor, id: number): AgencyRow {
  const agency = findAgency(db, actor.foodBankId, id);
  if (!agency) throw notFound('Agency');
  return agency;
}

/**
 * An agency applies on its own: the agency is pending until staff approve it, and its first user
 * can sign in at once to follow the application.
 */
export async function applyAsAgency(db: Db, input: AgencyApplicationBody): Promise<UserRow> {
  if (!findFoodBank(db, input.foodBankId)) throw unprocessable('unknown_food_bank', 'No such food bank', { foodBankId: input.foodBankId });
  const email = input.user.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.user.password);
  return db.transaction(
    (tx) => {
      if (findUserByEmail(tx, email)) throw conflict('email_taken', 'An account with this email already exists');
      const agency = newAgency(tx, input.foodBankId, input.agency, 'pending', null);
      const user = insertUser(tx, { foodBankId: input.foodBankId, email, name: input.user.name.trim(), role: 'agency', passwordHash });
      linkAgencyAccount(tx, user.id, agency.id);
      return user;
    },
    { behavior: 'immediate' },
  );
}

/** Staff register an agency they already know: it is approved at once. */
export function registerAgency(db: Db, actor: Actor, input: AgencyBody): AgencyDto {
  return db.transaction((tx) => toAgencyDto(newAgency(tx, actor.foodBankId, input, 'approved', actor.userId)), { behavior: 'immediate' });
}

export function listAgencies(db: Db, actor: Actor, filters: { status?: AgencyStatus; q?: string }): AgencyDto[] {
  return listAgencyRows(db, actor.foodBankId, filters).map(toAgencyDto);
}

export function getAgency(db: Db, actor: Actor, id: number): AgencyDto {
  return toAgencyDto(requireAgency(db, actor, id));
}

export function updateAgency(db: Db, actor: Actor, id: number, input: UpdateAgencyBody): AgencyDto {
  return db.transaction(
    (tx) => {
      requireAgency(tx, actor, id);
      if (input.name !== undefined) assertNameFree(tx, actor.foodBankId, input.name, id);
      return toAgencyDto(updateAgencyRow(tx, id, { ...profileColumns(input), updatedAt: nowIso() }));
    },
    { behavior: 'immediate' },
  );
}

const TRANSITIONS: Record<AgencyStatus, readonly AgencyStatus[]> = {
  pending: ['approved', 'rejected'],
  approved: ['suspended'],
  suspended: ['approved'],
  rejected: ['approved'],
};

/** Approve (or reactivate), suspend or reject, with a reason kept on the agency. */
export function setAgencyStatus(db: Db, actor: Actor, id: number, status: 'approved' | 'suspended' | 'rejected', reason?: string | null): AgencyDto {
  return db.transaction(
    (tx) => {
      const agency = requireAgency(tx, actor, id);
      if (agency.status === status) return toAgencyDto(agency);
      if (!TRANSITIONS[agency.status].includes(status)) {
        throw new AppError(409, 'agency_status_change', `An agency that is ${agency.status} cannot become ${status}`, { facts: { from: agency.status, to: status } });
      }
      if (status !== 'approved' && !reason?.trim()) throw unprocessable('reason_required', 'Say why');
      return toAgencyDto(updateAgencyRow(tx, id, { status, statusReason: reason?.trim() || null, statusChangedBy: actor.userId, statusChangedAt: nowIso(), updatedAt: nowIso() }));
    },
    { behavior: 'immediate' },
  );
}

/** An admin gives an agency another user; they get a temporary password to change at first sign-in. */
export async function addAgencyUser(db: Db, actor: Actor, agencyId: number, input: { name: string; email: string }) {
  requireAgency(db, actor, agencyId);
  const email = input.email.trim().toLowerCase();
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return db.transaction(
    (tx) => {
      if (findUserByEmail(tx, email)) throw conflict('email_taken', 'An account with this email already exists');
      const user = insertUser(tx, { foodBankId: actor.foodBankId, email, name: input.name.trim(), role: 'agency', passwordHash, mustChangePassword: true });
      linkAgencyAccount(tx, user.id, agencyId);
      return { userId: user.id, email, temporaryPassword };
    },
    { behavior: 'immediate' },
  );
}

/** The agency the signed-in agency user acts for; refused when the account belongs to none. */
export function ownAgency(db: DbOrTx, actor: Actor): AgencyRow {
  const agencyId = agencyIdOfUser(db, actor.userId);
  const agency = agencyId === undefined ? undefined : findAgency(db, actor.foodBankId, agencyId);
  if (!agency) throw conflict('agency_not_linked', 'Your account does not belong to an agency yet');
  return agency;
}

export function getMyAgency(db: Db, actor: Actor) {
  const agencyId = agencyIdOfUser(db, actor.userId);
  const agency = agencyId === undefined ? undefined : findAgency(db, actor.foodBankId, agencyId);
  return { linked: agency !== undefined, agency: agency ? toAgencyDto(agency) : null };
}

/** The users who sign in for an agency (admins manage them on the users page). */
export function agencyUsers(db: Db, actor: Actor, agencyId: number): UserRow[] {
  requireAgency(db, actor, agencyId);
  return db
    .select({ user: users })
    .from(agencyAccounts)
    .innerJoin(users, eq(users.id, agencyAccounts.userId))
    .where(eq(agencyAccounts.agencyId, agencyId))
    .orderBy(asc(users.name))
    .all()
    .map((r) => r.user);
}

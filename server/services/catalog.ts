import { isValid as isValidGtin } from 'gtin';
import type { Db, DbOrTx } from '../db/client.js';
import {
  deleteBarcode,
  deleteItem,
  findBarcode,
  findCategory,
  findItem,
  findItemByKey,
  insertBarcode,
  insertCategory,
  insertItem,
  itemInUse,
  itemOnHand,
  listBarcodes,
  listCategories,
  searchItems,
  updateCategory,
  updateItem,
  type ItemFilters,
} from '../db/repositories/catalog.js';
import type { CategoryRow, ItemRow } from '../db/schema.js';
import { DEFAULT_CATEGORIES } from '../domain/default-categories.js';
import { AppError, conflict, notFound, unprocessable } from '../domain/errors.js';
import { cleanName, nameKey } from '../domain/names.js';
import type { Actor } from '../domain/roles.js';
import type { BarcodeBody, CategoryDto, CreateItemBody, ItemDto, UpdateItemBody } from '../schemas/catalog.js';

const toCategoryDto = (row: CategoryRow): CategoryDto => ({
  id: row.id,
  name: row.name,
  nameEn: row.nameEn,
  nameMn: row.nameMn,
  kind: row.kind,
  accepted: row.accepted,
});

function toItemDtos(db: DbOrTx, rows: ItemRow[]): ItemDto[] {
  const barcodes = listBarcodes(db, rows.map((r) => r.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    nameMn: row.nameMn,
    categoryId: row.categoryId,
    unit: row.unit as ItemDto['unit'],
    packSize: row.packSize,
    defaultZone: row.defaultZone,
    defaultUnitValue: row.defaultUnitValue,
    unitWeightGrams: row.unitWeightGrams,
    minStock: row.minStock,
    active: row.active,
    requestable: row.requestable,
    barcodes: barcodes.filter((b) => b.itemId === row.id).map((b) => ({ id: b.id, code: b.code, quantityPerScan: b.quantityPerScan })),
    createdAt: row.createdAt,
  }));
}

/** The food bank's category whose name folds to the same key ("과자 · 간식" is "과자·간식"). */
function findCategoryByKey(db: DbOrTx, foodBankId: number, name: string, exceptId?: number): CategoryRow | undefined {
  const key = nameKey(name);
  return listCategories(db, foodBankId).find((c) => c.id !== exceptId && nameKey(c.name) === key);
}

/**
 * Gives a food bank the default categories it lacks; safe to call again. Call it where a food
 * bank is created, in the same transaction.
 */
export function ensureDefaultCategories(db: DbOrTx, foodBankId: number): void {
  const present = new Set(listCategories(db, foodBankId).map((c) => nameKey(c.name)));
  for (const category of DEFAULT_CATEGORIES) {
    if (!present.has(nameKey(category.name))) insertCategory(db, { foodBankId, ...category });
  }
}

const categoryNameTaken = (same: CategoryRow) =>
  new AppError(409, 'category_name_taken', `A category named “${same.name}” exists`, { facts: { categoryId: same.id, name: same.name } });

export function getCategories(db: Db, actor: Actor): CategoryDto[] {
  return listCategories(db, actor.foodBankId).map(toCategoryDto);
}

export function createCategory(
  db: Db,
  actor: Actor,
  input: { name: string; nameEn?: string | null; nameMn?: string | null; kind: 'food' | 'household'; accepted?: boolean },
): CategoryDto {
  return db.transaction(
    (tx) => {
      const name = cleanName(input.name);
      const same = findCategoryByKey(tx, actor.foodBankId, name);
      if (same) throw categoryNameTaken(same);
      return toCategoryDto(insertCategory(tx, { foodBankId: actor.foodBankId, ...input, name }));
    },
    { behavior: 'immediate' },
  );
}

export function changeCategory(
  db: Db,
  actor: Actor,
  id: number,
  input: { name?: string; nameEn?: string | null; nameMn?: string | null; accepted?: boolean },
): CategoryDto {
  return db.transaction(
    (tx) => {
      if (!findCategory(tx, actor.foodBankId, id)) throw notFound('Category');
      const name = input.name === undefined ? undefined : cleanName(input.name);
      const same = name ? findCategoryByKey(tx, actor.foodBankId, name, id) : undefined;
      if (same) throw categoryNameTaken(same);
      return toCategoryDto(updateCategory(tx, id, { ...input, ...(name ? { name } : {}) }));
    },
    { behavior: 'immediate' },
  );
}

export function listItems(db: Db, actor: Actor, filters: ItemFilters): { items: ItemDto[]; total: number } {
  const { rows, total } = searchItems(db, actor.foodBankId, { ...filters, ...(filters.q ? { qKey: nameKey(filters.q) } : {}) });
  return { items: toItemDtos(db, rows), total };
}

export function getItem(db: Db, actor: Actor, id: number): ItemDto {
  const item = findItem(db, actor.foodBankId, id);
  if (!item) throw notFound('Item');
  return toItemDtos(db, [item])[0]!;
}

function requireCategory(db: DbOrTx, actor: Actor, categoryId: number): void {
  if (!findCategory(db, actor.foodBankId, categoryId)) throw unprocessable('unknown_category', 'No such category in this food bank', { categoryId });
}

function requireFreeName(db: DbOrTx, actor: Actor, name: string, exceptId?: number): void {
  const same = findItemByKey(db, actor.foodBankId, nameKey(name));
  if (same && same.id !== exceptId) {
    throw new AppError(409, 'item_name_taken', `An item named “${same.name}” exists`, { facts: { itemId: same.id, name: same.name } });
  }
}

const GTIN_PROBLEMS = {
  digits_only: 'A GTIN has digits only',
  length: 'A GTIN has 8, 12, 13 or 14 digits',
  check_digit: 'The check digit does not match: mistyped or misread',
} as const;

/** Why a code is not a GTIN-8/12/13/14, or null when it is one. */
export function gtinProblem(code: string): keyof typeof GTIN_PROBLEMS | null {
  if (!/^\d+$/.test(code)) return 'digits_only';
  // gtin's isValid throws on other lengths rather than answering false.
  if (![8, 12, 13, 14].includes(code.length)) return 'length';
  return isValidGtin(code) ? null : 'check_digit';
}

function requireGtin(code: string): void {
  const reason = gtinProblem(code);
  if (reason) throw new AppError(400, 'invalid_gtin', `Not a valid GTIN: ${GTIN_PROBLEMS[reason]}`, { facts: { code, reason } });
}

/**
 * Every spelling of one GTIN: a UPC-A "880104301483" reaches an EAN-13 scanner as
 * "0880104301483"; GS1 defines them as one number, left-padded to 14 digits.
 */
export function gtinSpellings(code: string): string[] {
  const full = code.padStart(14, '0');
  return [8, 12, 13, 14].filter((length) => /^0*$/.test(full.slice(0, 14 - length))).map((length) => full.slice(14 - length));
}

/** A barcode must be a real GTIN (check digit included) and belong to one item of the food bank. */
function addBarcode(db: DbOrTx, actor: Actor, itemId: number, input: BarcodeBody) {
  requireGtin(input.code);
  const taken = findBarcode(db, actor.foodBankId, gtinSpellings(input.code));
  if (taken) {
    const owner = findItem(db, actor.foodBankId, taken.itemId)!;
    throw new AppError(409, 'barcode_taken', `This barcode belongs to “${owner.name}”`, {
      facts: { itemId: owner.id, name: owner.name, code: taken.code },
    });
  }
  return insertBarcode(db, { foodBankId: actor.foodBankId, itemId, code: input.code, quantityPerScan: input.quantityPerScan ?? 1 });
}

export function createItem(db: Db, actor: Actor, input: CreateItemBody): ItemDto {
  return db.transaction(
    (tx) => {
      const name = cleanName(input.name);
      requireCategory(tx, actor, input.categoryId);
      requireFreeName(tx, actor, name);
      const { barcodes, ...fields } = input;
      const item = insertItem(tx, { ...fields, foodBankId: actor.foodBankId, name, nameKey: nameKey(name) });
      for (const barcode of barcodes ?? []) addBarcode(tx, actor, item.id, barcode);
      return toItemDtos(tx, [item])[0]!;
    },
    { behavior: 'immediate' },
  );
}

/** An item with stock stays active: deactivating it would hide units that are on the shelves. */
export function changeItem(db: Db, actor: Actor, id: number, input: UpdateItemBody): ItemDto {
  return db.transaction(
    (tx) => {
      const item = findItem(tx, actor.foodBankId, id);
      if (!item) throw notFound('Item');
      const name = input.name === undefined ? undefined : cleanName(input.name);
      if (name) requireFreeName(tx, actor, name, id);
      if (input.categoryId) requireCategory(tx, actor, input.categoryId);
      if (input.active === false && item.active) {
        const onHand = itemOnHand(tx, id);
        if (onHand > 0) {
          throw new AppError(409, 'item_has_stock', `${onHand} ${item.unit} still in stock; dispose of or hand out the stock first`, {
            facts: { itemId: id, onHand },
          });
        }
      }
      return toItemDtos(tx, [updateItem(tx, id, { ...input, ...(name ? { name, nameKey: nameKey(name) } : {}) })])[0]!;
    },
    { behavior: 'immediate' },
  );
}

/** Only an item nobody used can be deleted; one on record is deactivated instead. */
export function removeItem(db: Db, actor: Actor, id: number): void {
  db.transaction(
    (tx) => {
      if (!findItem(tx, actor.foodBankId, id)) throw notFound('Item');
      if (itemInUse(tx, id)) throw conflict('item_in_use', 'The item is on record in donations or lots; deactivate it instead');
      deleteItem(tx, id);
    },
    { behavior: 'immediate' },
  );
}

export function attachBarcode(db: Db, actor: Actor, itemId: number, input: BarcodeBody): ItemDto {
  return db.transaction(
    (tx) => {
      const item = findItem(tx, actor.foodBankId, itemId);
      if (!item) throw notFound('Item');
      addBarcode(tx, actor, itemId, input);
      return toItemDtos(tx, [item])[0]!;
    },
    { behavior: 'immediate' },
  );
}

export function detachBarcode(db: Db, actor: Actor, itemId: number, barcodeId: number): void {
  if (!findItem(db, actor.foodBankId, itemId)) throw notFound('Item');
  if (!deleteBarcode(db, itemId, barcodeId)) throw notFound('Barcode');
}

/**
 * What a scan at the desk means: the item and how many units one scan counts for. A valid code
 * nobody registered yet answers `unknown_barcode`, so the desk can offer to create the item.
 */
export function lookupBarcode(db: Db, actor: Actor, code: string): { item: ItemDto; quantityPerScan: number } {
  requireGtin(code);
  const barcode = findBarcode(db, actor.foodBankId, gtinSpellings(code));
  if (!barcode) throw new AppError(404, 'unknown_barcode', 'No item has this barcode yet');
  return { item: getItem(db, actor, barcode.itemId), quantityPerScan: barcode.quantityPerScan };
}

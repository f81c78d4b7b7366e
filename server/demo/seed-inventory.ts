import type { Db } from '../db/client.js';
import { addDays, today } from '../lib/dates.js';
import type { Actor } from '../domain/roles.js';
import type { FieldCipher } from '../lib/field-encryption.js';
import { createItem, ensureDefaultCategories, getCategories } from '../services/catalog.js';
import { createDonation } from '../services/donations.js';
import { createDonor } from '../services/donors.js';
import { createLocation } from '../services/locations.js';
import { disposeStock, listLotStock } from '../services/stock.js';
import { transferStock } from '../services/transfers.js';
import { DEMO_DONATIONS, DEMO_DONORS, DEMO_ITEMS, DEMO_LOCATIONS } from './inventory-dataset.js';

/**
 * Gives a demo food bank its catalog, warehouse, donors and a month of intake, recorded through
 * the same services staff use, so the ledger and the stock projection are exactly as in real use.
 * Also leaves some history: a disposal of damaged goods and a move between shelves.
 */
export function seedDemoInventory(db: Db, cipher: FieldCipher, actor: Actor): void {
  ensureDefaultCategories(db, actor.foodBankId);
  const categories = new Map(getCategories(db, actor).map((c) => [c.name, c.id]));
  const items = new Map(
    DEMO_ITEMS.map((item) => {
      const barcodes = [
        ...(item.barcode ? [{ code: item.barcode }] : []),
        ...(item.caseBarcode ? [{ code: item.caseBarcode, quantityPerScan: item.packSize }] : []),
      ];
      const created = createItem(db, actor, {
        name: item.name,
        nameEn: item.nameEn,
        categoryId: categories.get(item.category)!,
        unit: item.unit,
        packSize: item.packSize,
        defaultZone: item.zone,
        defaultUnitValue: item.unitValue,
        unitWeightGrams: item.weightGrams,
        minStock: item.minStock ?? null,
        barcodes,
      });
      return [item.name, created] as const;
    }),
  );
  const locations = new Map(
    DEMO_LOCATIONS.map((location, index) => [location.name, createLocation(db, actor, { ...location, sortOrder: (index + 1) * 10 }).id] as const),
  );
  const donors = new Map(DEMO_DONORS.map((donor) => [donor.name, createDonor(db, actor, donor, cipher).id] as const));

  for (const donation of DEMO_DONATIONS) {
    const receivedOn = addDays(today(), -donation.daysAgo);
    createDonation(db, actor, {
      donorId: donors.get(donation.donor)!,
      receivedOn,
      channel: donation.channel,
      notes: donation.notes ?? null,
      complete: !donation.draft,
      lines: donation.lines.map((line) => {
        const item = items.get(line.item)!;
        const dated = line.days !== undefined;
        return {
          itemId: item.id,
          quantity: line.quantity,
          dateLabelKind: dated ? (line.kind ?? 'use_by') : 'none',
          dateLabel: dated ? addDays(receivedOn, line.days!) : null,
          locationId: line.rejected ? null : locations.get(line.location)!,
          ...(line.rejected ? { accepted: false, rejectionReason: line.rejected } : {}),
        };
      }),
    });
  }

  const ramen = listLotStock(db, actor, { itemId: items.get('신라면')!.id })[0]!;
  disposeStock(db, actor, { lotId: ramen.lotId, locationId: ramen.locationId, quantity: 12, reason: 'damaged', authorizedBy: '박민준 팀장', note: '운반 중 박스 파손' });
  transferStock(db, actor, { lotId: ramen.lotId, fromLocationId: ramen.locationId, toLocationId: locations.get('A-2 상온 선반')!, quantity: 80, note: '선반 정리' });
}

import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { rebuildProjection, verifyProjection } from '../server/db/repositories/stock-projection.js';

/**
 * `npm run stock:verify` recomputes current stock from the ledger and lists every difference from
 * the projection (exit 1 when there is one); `npm run stock:rebuild` replaces the projection.
 */
const command = process.argv[2];
const handle = openDatabase(loadConfig().databasePath);
try {
  if (command === 'verify') {
    const differences = verifyProjection(handle.sqlite);
    for (const d of differences) {
      console.log(`lot ${d.lotId} at location ${d.locationId}: ledger ${d.ledger}, projection ${d.projection}`);
    }
    console.log(differences.length === 0 ? 'Stock matches the ledger.' : `${differences.length} difference(s).`);
    process.exitCode = differences.length === 0 ? 0 : 1;
  } else if (command === 'rebuild') {
    const fixed = rebuildProjection(handle.sqlite);
    console.log(`Projection rebuilt from the ledger; ${fixed} difference(s) corrected.`);
  } else {
    console.error('usage: stock.ts verify|rebuild');
    process.exitCode = 2;
  }
} finally {
  handle.close();
}

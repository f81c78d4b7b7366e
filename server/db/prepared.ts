/**
 * Hot-path queries are prepared once per database handle instead of being rebuilt and re-prepared
 * by SQLite on every call. Keyed weakly, so each test database gets its own statements.
 */
const statements = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(db: object, key: string, build: () => T): T {
  let forDb = statements.get(db);
  if (!forDb) statements.set(db, (forDb = new Map()));
  let statement = forDb.get(key) as T | undefined;
  if (statement === undefined) forDb.set(key, (statement = build()));
  return statement;
}

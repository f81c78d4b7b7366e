import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { text } from 'drizzle-orm/sqlite-core';

/** The values of a CHECK (x in (...)) list; drizzle's text enums add no CHECK in SQLite. */
export const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** ISO-8601 UTC timestamps as text: portable, sortable and readable in a backup. */
export const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** `column LIKE %text%` with the wildcards in the text escaped, so "50%" finds "50%" only. */
export function containsText(column: SQLWrapper, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} like ${pattern} escape '\\'`;
}

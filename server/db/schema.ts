/** Every table, for drizzle and drizzle-kit. */
export * from './tenancy-schema.js';
export * from './inventory-schema.js';
export * from './donor-schema.js';
export * from './distribution-schema.js';

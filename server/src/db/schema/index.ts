/** The whole drizzle schema, one file per domain. */
export * from './areas.js';
export * from './households.js';
export * from './audit.js';
export * from './programmes.js';
export * from './webhooks.js';
export * from './standards.js';
export * from './assistance.js';
export * from './cases.js';
export * from './rounds.js';
export * from './measures.js';
export * from './quotas.js';
export * from './monitoring.js';
export * from './provincial.js';
export * from './eligibility.js';
export * from './statistics.js';
export * from './donations.js';

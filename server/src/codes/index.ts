/** Every national code list the API speaks; import from here. */
export * from './household.codes.js';
export * from './member.codes.js';
export * from './ethnicity.codes.js';
export * from './area.codes.js';
export * from './sector.codes.js';
export * from './assistance.codes.js';
export * from './round.codes.js';
export * from './monitoring.codes.js';
export { type CodeOf, type CodeList } from './code-list.js';
export * from './case.codes.js';
export * from './measure.codes.js';
export * from './assessment.codes.js';

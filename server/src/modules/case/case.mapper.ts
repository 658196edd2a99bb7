/** Rows of cases and their parts to their GraphQL models (global IDs). */
import { toGlobalId } from '../../graphql/ids.js';
import type { CaseRow, DocumentRow, ObjectionRow, PostingRow, StepRow } from './case.store.js';

export const toCase = (r: CaseRow) => ({ __typename: 'Case' as const, ...r, id: toGlobalId('Case', r.id), key: r.id });
export type CaseModel = ReturnType<typeof toCase>;

export const toStep = (r: StepRow) => ({ ...r, id: toGlobalId('CaseStep', r.id) });
export const toDocument = (r: DocumentRow) => ({ ...r, id: toGlobalId('CaseDocument', r.id), stepId: r.stepId && toGlobalId('CaseStep', r.stepId) });
export const toPosting = (r: PostingRow) => ({ ...r, id: toGlobalId('Posting', r.id), key: r.id, caseId: toGlobalId('Case', r.caseId) });
export type PostingModel = ReturnType<typeof toPosting>;
export const toObjection = (r: ObjectionRow) => ({ ...r, id: toGlobalId('Objection', r.id) });

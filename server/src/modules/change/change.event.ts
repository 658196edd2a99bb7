/** The public shape of a change event: what the `changes` feed, subscriptions and webhook bodies carry. */
import { toGlobalId } from '../../graphql/ids.js';
import type { ChangeRow } from './change.store.js';

export const changeEventShape = (r: ChangeRow) => ({
  id: toGlobalId('ChangeEvent', String(r.id)),
  sequence: String(r.id),
  type: r.type,
  entityType: r.entityType,
  entityId: r.entityId,
  areaCode: r.areaCode,
  at: r.at,
  payload: r.payload,
});

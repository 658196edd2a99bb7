/** Role checks every service starts with; each says who may do it instead. */
import { canReadRegistry, canWriteRegistry, type Caller } from './caller.js';
import { forbidden } from '../graphql/errors.js';

export function requireRegistryReader(c: Caller): void {
  if (!canReadRegistry(c)) throw forbidden(`the ${c.role} role cannot read registry records: ask for an official's, cadre's, ministry's or analyst's token`);
}

export function requireRegistryWriter(c: Caller): void {
  if (!canWriteRegistry(c)) throw forbidden(`the ${c.role} role cannot change registry records: only cadres, officials and admins can`);
}

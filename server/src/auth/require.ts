/** Role checks every service starts with; each says who may do it instead. */
import { canManagePeople, canReadPeople, canReadProjects, canReadRegistry, canUseWebhooks, canWriteProjects, canWriteRegistry, type Caller } from './caller.js';
import { forbidden } from '../graphql/errors.js';

export function requireRegistryReader(c: Caller): void {
  if (!canReadRegistry(c)) throw forbidden(`the ${c.role} role cannot read registry records: ask for an official's, cadre's, ministry's or analyst's token`);
}

export function requireRegistryWriter(c: Caller): void {
  if (!canWriteRegistry(c)) throw forbidden(`the ${c.role} role cannot change registry records: only cadres, officials and admins can`);
}

export function requireProjectReader(c: Caller): void {
  if (!canReadProjects(c)) throw forbidden(`the ${c.role} role cannot read programmes and projects`);
}

export function requireProjectWriter(c: Caller): void {
  if (!canWriteProjects(c)) throw forbidden(`the ${c.role} role cannot change programmes and projects: a ministry does, within its sector`);
}

export function requireWebhookUser(c: Caller): void {
  if (!canUseWebhooks(c)) throw forbidden(`the ${c.role} role cannot use webhooks: officials, ministries, admins and donors can (cadres and analysts can read the change feed instead)`);
}

export function requirePeopleReader(c: Caller): void {
  if (!canReadPeople(c)) throw forbidden(`the ${c.role} role cannot read cadres, work teams, pairings or visits: they carry names and phones (admins, officials and cadres can)`);
}
export function requirePeopleManager(c: Caller, what: string): void {
  if (!canManagePeople(c)) throw forbidden(`the ${c.role} role cannot ${what}: admins and officials of the area can`);
}

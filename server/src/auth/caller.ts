/**
 * The Caller: who is asking, with which role, over which area (DESIGN.md "Access").
 * Area scope is a list of statistical-code prefixes; '' is the whole country.
 */
export const ROLES = ['admin', 'official', 'cadre', 'ministry', 'analyst', 'donor'] as const;
export type Role = (typeof ROLES)[number];

export interface Caller {
  /** Subject of the token: a person's or a system's stable identifier. */
  id: string;
  role: Role;
  /** Code prefixes the caller may reach; [''] is national. */
  areas: string[];
  /** For the ministry role: its sector (one of the ten key works). */
  sector?: string;
  /** For the donor role: the organization. */
  organization?: string;
  /**
   * For a cadre whose token subject is a registered cadre (cadres.subject): the cadre's
   * ID. Then `areas` are the villages of the cadre's current work teams, and the
   * households of their current pairings are in scope besides (auth/cadre-scope.ts).
   */
  cadreId?: string;
  /**
   * A request without a token (http/authenticate.ts): allowed only for the operations the
   * anonymous plugin lets through (publicDonationSummary); it carries the donor role, the
   * least of all, so that nothing else would reach more than de-identified data anyway.
   */
  anonymous?: boolean;
}

/** Roles that may see names, ID numbers, phones and bank accounts. */
const PERSONAL_DATA_ROLES: ReadonlySet<Role> = new Set(['admin', 'official', 'cadre']);
/** Roles that may write registry records (household and village forms). */
const REGISTRY_WRITERS: ReadonlySet<Role> = new Set(['admin', 'official', 'cadre']);
/** Roles that may read registry records (pseudonymised for some). */
const REGISTRY_READERS: ReadonlySet<Role> = new Set(['admin', 'official', 'cadre', 'ministry', 'analyst']);

export const canSeePersonalData = (c: Caller) => PERSONAL_DATA_ROLES.has(c.role);
export const canWriteRegistry = (c: Caller) => REGISTRY_WRITERS.has(c.role);
export const canReadRegistry = (c: Caller) => REGISTRY_READERS.has(c.role);
export const canReadAudit = (c: Caller) => c.role === 'admin' || c.role === 'official';

/** Whether an area code lies inside the caller's scope (for writes that name a target). */
export const inScope = (c: Caller, code: string) => c.areas.some((p) => code.startsWith(p));

/** Roles that may read the people of 精准帮扶 (units, cadres, work teams, pairings, visits): they carry names and phones. */
export const canReadPeople = (c: Caller) => c.role === 'admin' || c.role === 'official' || c.role === 'cadre';
/** Roles that may register units and cadres, send work teams and pair households: admins, and officials within their area. */
export const canManagePeople = (c: Caller) => c.role === 'admin' || c.role === 'official';
/** Roles that may register programmes and projects and link beneficiaries (a ministry within its sector). */
export const canWriteProjects = (c: Caller) => c.role === 'admin' || c.role === 'ministry';
/** Roles that may read programmes and projects. */
export const canReadProjects = (c: Caller) => c.role !== 'donor';

/** Roles that may register webhooks (an official's or ministry's system, or an admin's; a donor's, for the needs that match its interests). */
export const canUseWebhooks = (c: Caller) => c.role === 'admin' || c.role === 'official' || c.role === 'ministry' || (c.role === 'donor' && !c.anonymous);

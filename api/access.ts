/**
 * Who may do what: every route and every action, role × organisation, declared here and nowhere
 * else (who may act on a process: domain/action-access.ts, which the workflows read too). `mount` refuses a caller without one of a route's roles before its handler runs; handlers
 * check the organisation against the record they reach with the helpers below; the workflows'
 * validators check actions again. test/access-matrix.test.ts walks every route and action for every
 * seeded user against this table. Auditors read everything and change nothing.
 */
import { OVERSEERS } from '../domain/oversight';
import { isSignature, rolesOf, SIGNER } from '../domain/actions';
import { allActions } from '../domain/processes';
import { ROLES, type Role } from '../domain/identity';
import { actionOrgs, orgsNamed, type ActionFacts, type ActionOrgs } from '../domain/action-access';
import { countyOfOrg } from '../domain/names';
import { orgTakesPart } from '../store/process-parties';
import type { User } from './auth';
import { refused } from './errors';
import type { ApiDeps } from './route';

/** Whose records a route reaches, beyond the roles that may call it. */
export type Reach =
  /** No token needed. */
  | 'public'
  /** Any signed-in user: registries, process types, the calendar, the caller's own identity. */
  | 'everyone'
  /** The caller's organisation's tasks; admins and auditors may name any organisation. */
  | 'own-org'
  /** The caller's own organisation's and no other's, whoever the caller is (reading a notification, its channels). */
  | 'own-org-only'
  /** The organisation the path names, by its own admin, and by the FTZ's (keeper of the registry). */
  | 'org-admin'
  /** Processes the caller's organisation takes part in (see `takesPart`); all of them for supervisors. */
  | 'process'
  /** The process type's launching organisations (`launchedBy` in domain/processes.ts). */
  | 'launch'
  /** The action's rule in `actionRules`. */
  | 'action'
  /** The supervising organisations (`SUPERVISING_ORGS`: the city and the FTZ) only. */
  | 'supervisors'
  /** Auditors, and the supervising organisations' admins: readers of every process's sealed payloads. */
  | 'operators';

export interface RouteRule {
  roles: readonly Role[];
  reach: Reach;
  /** Changes records or processes: never granted to auditors. */
  writes: boolean;
}

const anyone = ROLES;
const read = (reach: Reach, roles: readonly Role[] = anyone): RouteRule => ({ roles, reach, writes: false });
const write = (reach: Reach, roles: readonly Role[]): RouteRule => ({ roles, reach, writes: true });

/** `METHOD path` of the route table (api/app.ts) → its rule. A route missing here is refused to everyone. */
export const routeRules: Record<string, RouteRule> = {
  'POST /api/auth/login': read('public'),
  'GET /healthz': read('public'),
  'GET /metrics': read('public'),
  'GET /api/me': read('everyone'),
  // Ends the caller's own sessions: every signed-in user may, auditors too.
  'POST /api/auth/logout': read('everyone'),
  'GET /api/process-types': read('everyone'),
  // Each type names its launchers and their role (domain/processes.ts `launchedBy`).
  'POST /api/processes/{type}': write('launch', ['admin', 'staff']),
  // A search refuses no one: it lists only the processes the caller may read (api/search.ts).
  'GET /api/processes': read('process'),
  'GET /api/processes/{id}': read('process'),
  'GET /api/processes/{id}/timeline': read('process'),
  'GET /api/processes/{id}/history': read('process', ['admin', 'auditor']),
  'GET /api/processes/{id}/export': read('process', ['admin', 'auditor']),
  // 文号, titles and dates of the acts: the registry any signed-in user reads; the documents themselves as the process.
  'GET /api/documents': read('everyone'),
  'GET /api/processes/{id}/documents': read('process'),
  'GET /api/processes/{id}/documents/{n}.pdf': read('process'),
  // Files are attached to an open task by whoever may complete it (checked in the handler and the workflow).
  'POST /api/tasks/{id}/attachments': write('action', ['admin', 'staff', 'leader']),
  'GET /api/processes/{id}/attachments': read('process'),
  'GET /api/processes/{id}/attachments/{sha256}': read('process'),
  'POST /api/processes/{id}/actions/{action}': write('action', ['admin', 'staff']),
  'GET /api/tasks': read('own-org'),
  'GET /api/tasks/{id}': read('own-org'),
  // Leaders complete the tasks that sign (their signature, or a return); staff and admins the rest.
  'POST /api/tasks/{id}/complete': write('action', ['admin', 'staff', 'leader']),
  // An organisation's notifications and its 督办 list are its own, as its inbox is.
  'GET /api/notifications': read('own-org'),
  // Reading a notification is done by its organisation's people; auditors change nothing.
  'POST /api/notifications/{id}/read': write('own-org-only', ['admin', 'staff']),
  'GET /api/oversight': read('own-org'),
  'GET /api/notification-channels': read('own-org'),
  // Where an organisation's messages go is its admin's to set.
  'POST /api/notification-channels': write('own-org-only', ['admin']),
  'GET /api/organizations': read('everyone'),
  // An organisation's own admin, or the FTZ's (the handler checks the organisation).
  'POST /api/organizations/{id}/uscc': write('org-admin', ['admin']),
  'GET /api/zones': read('everyone'),
  'GET /api/zones/containing': read('everyone'),
  'GET /api/zones/{code}': read('everyone'),
  'GET /api/divisions': read('everyone'),
  'GET /api/parks': read('everyone'),
  'GET /api/calendar/{year}': read('everyone'),
  'GET /api/powers': read('everyone'),
  // The catalogue is published (“形成清单对外公布”): no token needed.
  'GET /api/public/powers': read('public'),
  // Outside systems: no user's role reaches them; a known system client's signature does (api/inbound.ts).
  'POST /api/system/applications': { roles: [], reach: 'public', writes: true },
  'POST /api/system/tax-callbacks': { roles: [], reach: 'public', writes: true },
  'GET /api/agreements': read('everyone'),
  'GET /api/agreements/{id}': read('everyone'),
  'GET /api/authority': read('everyone'),
  // The registry shows a legal representative's name only, identifiers masked.
  'GET /api/entities': read('everyone'),
  'GET /api/entities/{uscc}': read('everyone'),
  'GET /api/verifications': read('own-org'),
  // Recognised penalties and the credit records they make are published (公示): anyone signed in reads them.
  'GET /api/penalties': read('everyone'),
  'GET /api/penalties/{decisionNumber}': read('everyone'),
  'GET /api/pilots': read('everyone'),
  // Which zone proposed which practice and where it was adopted: the report every organisation reads (三(一)).
  'GET /api/reform/innovations': read('everyone'),
  // The demands' summary for reporting upward: enterprises and what they asked, never their contact (personal data).
  'GET /api/reform/demands': read('everyone'),
  // Who was trained when; named attendees masked for readers outside the session (api/routes/reform.ts).
  'GET /api/training-sessions': read('everyone'),
  // An organisation records the sessions it held itself: the organiser is the caller's organisation.
  'POST /api/training-sessions': write('own-org-only', ['admin', 'staff']),
  // Statistics are shared indicators (统计指标共享): every organisation reads both views.
  'GET /api/statistics': read('everyone'),
  'POST /api/statistics/snapshots': write('supervisors', ['admin']),
  // The views for submission, as files: the same figures every organisation reads above.
  'GET /api/statistics/export': read('everyone'),
  // Reported indicators are statistics too (统计指标共享): every organisation reads them and their definitions.
  'GET /api/indicators': read('everyone'),
  // Inspection plans and results, with the draw's seed: every organisation reads them (signed in).
  'GET /api/inspections': read('everyone'),
  // 双随机、一公开: the results are published to everyone, no token, people's data masked.
  'GET /api/public/inspections': read('public'),
  // Verification recomputes and replays what the caller sends: it changes nothing, but it costs.
  'POST /api/audit/verify': read('everyone', ['admin', 'auditor']),
  'GET /api/audit/public-key': read('everyone'),
  'GET /api/audit/organisation-keys': read('everyone'),
  // The codec endpoints reveal personal data: auditors and the supervising admins only (api/codec-server.ts).
  'POST /codec/encode': read('operators', ['admin', 'auditor']),
  'POST /codec/decode': read('operators', ['admin', 'auditor']),
};

export interface ActionRule {
  /** The roles that may complete it: the action's own, and `leader` where it signs. */
  roles: readonly Role[];
  orgs: ActionOrgs;
  /** Its decisions that sign for the organisation: a leader's alone. */
  signs?: readonly string[];
}

/** Every action's rule; an action without one is refused to everyone (and fails the matrix test). */
export const actionRules: Record<string, ActionRule | undefined> = Object.fromEntries(
  Object.values(allActions).map((action) => [
    action.name,
    actionOrgs[action.name] && { roles: rolesOf(action), orgs: actionOrgs[action.name], ...(action.signs ? { signs: action.signs } : {}) },
  ]),
);

/** Organisations that oversee every process: the municipal government and the FTZ committee. */
export const SUPERVISING_ORGS = ['city', 'ftz'];

export const ruleOf = (method: string, path: string): RouteRule | undefined => routeRules[`${method.toUpperCase()} ${path}`];

/** The route-level check, made before any handler: the caller holds one of the route's roles (and, for `supervisors`, belongs to one). */
export function requireRouteRole(rule: RouteRule | undefined, user: User, route: string, path: Record<string, unknown> = {}): void {
  if (!rule) throw refused('NO_ACCESS_RULE', { what: route });
  if (!user.roles.some((role) => rule.roles.includes(role))) {
    throw refused('ROLE_NEEDED', { roles: [...rule.roles], userId: user.username, has: user.roles });
  }
  // Known from the caller alone: refused before the request is even read.
  if (rule.reach === 'supervisors' && !SUPERVISING_ORGS.includes(user.orgId)) {
    throw refused('NOT_YOUR_ORGANISATION', { orgIds: SUPERVISING_ORGS, userId: user.username, orgId: user.orgId });
  }
  // Known from the caller and the path: another organisation's admin is refused before the body is read.
  if (rule.reach === 'org-admin' && user.orgId !== String(path.id) && user.orgId !== 'ftz') {
    throw refused('NOT_YOUR_ORGANISATION', { orgIds: [String(path.id), 'ftz'], userId: user.username, orgId: user.orgId });
  }
  if (rule.reach === 'operators' && !user.roles.includes('auditor') && !SUPERVISING_ORGS.includes(user.orgId)) {
    throw refused('OPERATORS_ONLY', { orgIds: SUPERVISING_ORGS, userId: user.username, orgId: user.orgId });
  }
}

/**
 * `own-org`: the caller's organisation; auditors and the supervising admins read every organisation's,
 * a county's admin those of its own county's organisations (scopes: a county reads its own county).
 */
export function mayReadOrg(user: User, orgId: string): boolean {
  if (orgId === user.orgId || user.roles.includes('auditor')) return true;
  if (!user.roles.includes('admin')) return false;
  if (SUPERVISING_ORGS.includes(user.orgId)) return true;
  const county = countyOfOrg(user.orgId);
  return county !== undefined && countyOfOrg(orgId) === county;
}

export function requireOrgReader(user: User, orgId: string, what: string): void {
  if (!mayReadOrg(user, orgId)) throw refused('NOT_YOURS_TO_READ', { what, ownerOrgId: orgId, userId: user.username });
}

/** Readers of every process: auditors and the supervising organisations. */
export const readsEveryProcess = (user: User) => user.roles.includes('auditor') || SUPERVISING_ORGS.includes(user.orgId);

/**
 * Whether the caller's organisation takes part in a process: it launched it (a window that accepted
 * an application for another county, or one refused at screening, follows what became of it), its
 * zone is the organisation's county (the county's government, enforcement and tax offices, the
 * zone's own body), it has or had a task in it, or it acted in it.
 */
export async function takesPart(
  deps: Pick<ApiDeps, 'db'>,
  user: User,
  processId: string,
  zoneCode: string | null | undefined,
  launchedBy?: string | null,
): Promise<boolean> {
  if (readsEveryProcess(user) || (launchedBy && launchedBy === user.orgId)) return true;
  return orgTakesPart(deps.db, user.orgId, processId, zoneCode ?? null);
}

export async function requireProcessReader(
  deps: Pick<ApiDeps, 'db'>,
  user: User,
  processId: string,
  zoneCode: string | null | undefined,
  launchedBy?: string | null,
): Promise<void> {
  if (!(await takesPart(deps, user, processId, zoneCode, launchedBy))) throw refused('NOT_A_PARTY', { orgId: user.orgId, processId });
}

/** The organisations an action's rule names, given the task it completes or the process's zone. */
export function actionOrgIds(rule: ActionRule, facts: ActionFacts): string[] {
  return orgsNamed(rule.orgs, facts);
}

export function allowsAction(user: User, action: string, facts: ActionFacts): boolean {
  const rule = actionRules[action];
  return Boolean(rule && rule.roles.some((role) => user.roles.includes(role)) && actionOrgIds(rule, facts).includes(user.orgId));
}

/** The actions whose rule lets the caller perform them, given the facts: what `allowsAction` says of each. */
export function actionsAllowed(user: User, facts: ActionFacts): string[] {
  return Object.keys(actionRules).filter((action) => allowsAction(user, action, facts));
}

/** The oversight view's check: an admin or an auditor (then `requireOrgReader` says whose organisation). */
export function requireOverseer(user: User): void {
  if (!user.roles.some((role) => (OVERSEERS as readonly Role[]).includes(role))) {
    throw refused('ROLE_NEEDED', { roles: [...OVERSEERS], userId: user.username, has: user.roles });
  }
}

/** The action-level check: the action's role, and one of the organisations its rule names. */
export function requireActionRule(user: User, action: string, facts: ActionFacts): void {
  const rule = actionRules[action];
  if (!rule) throw refused('NO_ACCESS_RULE', { what: action });
  if (!rule.roles.some((role) => user.roles.includes(role))) {
    throw refused('ROLE_NEEDED', { roles: [...rule.roles], userId: user.username, has: user.roles });
  }
  const orgs = actionOrgIds(rule, facts);
  if (!orgs.includes(user.orgId)) throw refused('NOT_YOUR_ORGANISATION', { orgIds: orgs, userId: user.username, orgId: user.orgId });
}

/**
 * A signature (签署) is the organisation's leader's: staff draft, review and may return a document,
 * never sign it. Checked once the payload says what is decided; the workflow checks it again.
 */
export function requireSigner(user: User, action: string, payload: unknown): void {
  const definition = allActions[action];
  if (!definition || !isSignature(definition, payload) || user.roles.includes(SIGNER)) return;
  throw refused('LEADER_SIGNS', { action, userId: user.username });
}

import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { actionRules, routeRules, SUPERVISING_ORGS, type RouteRule } from '../api/access';
import { routes } from '../api/app';
import { allActions, processDefinitions } from '../domain/processes';
import { demoUsernames } from '../seeds/apply';
import { agreementContent, launchAgreement } from './support/agreement-flow';
import { eventually, startHarness, type Harness } from './support/harness';
import { filePenalty, penaltyZone } from './support/penalty-flow';
import { establish, taskFor } from './support/zone-flow';
import { scaled } from './support/time';

/**
 * The whole authorisation matrix: every route and every action, for every seeded user (and the
 * test county's own), against the rules of api/access.ts read here independently of the code that
 * enforces them. A refusal must be a 403; an allowed call must get past authorisation (the probes
 * carry a payload no schema accepts, so nothing is changed by an allowed one).
 */
let h: Harness;
let county: string;
let zoneId: string;
let agreementId: string;
/** A penalty process of a zone of its own, whose enforcement and body have users. */
let penalty: { id: string; zone: string; decisionNumber: string };
/** A notification addressed to the county's government (its review task reached it). */
let notificationId: string;
const PROBE = { __probe: true };

/** The task-bound actions, each with a task in the ledger addressed as the workflows would. */
const TASK_ORG: Record<string, (county: string) => string> = {
  draftMemorandum: () => 'ftz',
  reviewMemorandum: (c) => `gov-${c}`,
  nameManagementBody: (c) => `gov-${c}`,
  decideOverdueMemorandum: () => 'city',
  consentTermination: (c) => `gov-${c}`,
  draftCatalog: () => 'ftz',
  approveCatalog: () => 'ftz',
  draftAgreement: () => 'ftz',
  reviewAgreement: (c) => `gov-${c}`,
  announceAgreement: () => 'ftz',
  decideRenewal: () => 'ftz',
  consentRegistration: (c) => `gov-${c}`,
  requestTaxTransfer: () => 'tax-ftz',
  approveTaxTransfer: () => 'tax-city',
  confirmTaxTransfer: (c) => `tax-${c}`,
  verifyCommitment: (c) => `le-${c}`,
  recheckCommitment: (c) => `le-${c}`,
  reviewLicenceApplication: () => 'ftz',
  checkOnSite: (c) => `le-${c}`,
  decideLicence: () => 'ftz',
  reportPenalty: (c) => `zone-${c}`,
  reviewPenalty: () => 'ftz',
  correctPenalty: (c) => `zone-${c}`,
  decideCreditRepair: () => 'ftz',
  decidePilot: (c) => `gov-${c}`,
  reportIndicators: (c) => `zone-${c}`,
  reviewIndicators: () => 'ftz',
  correctIndicators: (c) => `zone-${c}`,
  proposePractice: (c) => `zone-${c}`,
  evaluatePractice: () => 'ftz',
  routeDemand: () => 'ftz',
  answerDemand: (c) => `gov-${c}`,
  inspectEntity: (c) => `le-${c}`,
  reinspectEntity: (c) => `le-${c}`,
  // The organisation responsible for a message an outside system did not take (the FTZ for 双公示).
  resolveFailedExchange: () => 'ftz',
};
const tasks: { id: string; action: string; orgId: string }[] = [];

beforeAll(async () => {
  // PostgreSQL answers the matrix's many concurrent reads faster than the in-process PGlite.
  h = await startHarness({ database: 'postgres' });
  county = await h.newCounty();
  zoneId = await establish(h, county);
  // The memorandum's PDF is rendered on its first fetch, seconds of CPU that block the API's event loop
  // (a known limit, see docs/PROCESSES.md): rendered here once, the probes read the kept bytes.
  expect((await (await h.as('audit.auditor')).get(`/api/processes/${zoneId}/documents/1.pdf`)).status).toBe(200);
  agreementId = await launchAgreement(h, county);
  await taskFor(h, 'ftz.staff', agreementId, 'draftAgreement');
  const penaltyCounty = await penaltyZone(h);
  const filed = await filePenalty(h, penaltyCounty.zone, penaltyCounty.uscc);
  penalty = { id: filed.body.id, zone: penaltyCounty.zone, decisionNumber: filed.body.id.slice('penalty-'.length) };
  await taskFor(h, `zone-${penalty.zone}.staff`, penalty.id, 'reportPenalty');
  [{ id: notificationId }] = await h.db.query<{ id: string }>('SELECT id FROM notifications WHERE org_id = $1 LIMIT 1', [`gov-${county}`]);
  for (const [action, org] of Object.entries(TASK_ORG)) {
    const task = { id: `matrix-${randomUUID()}`, action, orgId: org(county) };
    const role = allActions[action].role;
    await h.db.query(
      `INSERT INTO tasks (id, process_id, process_type, action, org_id, role, title_zh, title_en, status, opened_at)
       VALUES ($1, $2, 'zone-establishment', $3, $4, $5, $3, $3, 'open', now())`,
      [task.id, `matrix-process-${randomUUID()}`, action, task.orgId, role],
    );
    tasks.push(task);
  }
}, scaled(60_000));
afterAll(() => h?.stop());

interface Caller {
  username: string;
  orgId: string;
  role: string;
  county: string | null;
}

interface Probe {
  rule: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** What the rule needs to know of the record the probe reaches. */
  facts: { orgId?: string; processId?: string; zone?: string | null; type?: string; action?: string; taskOrgId?: string };
}

async function callers(): Promise<Caller[]> {
  const usernames = [
    ...demoUsernames(),
    `gov-${county}.admin`,
    `gov-${county}.staff`,
    `le-${penalty.zone}.staff`,
    `zone-${penalty.zone}.staff`,
  ];
  const orgs = await h.db.query<{ id: string; county_code: string | null }>('SELECT id, county_code FROM organizations');
  return usernames.map((username) => {
    const [orgId, role] = [username.slice(0, username.lastIndexOf('.')), username.slice(username.lastIndexOf('.') + 1)];
    return { username, orgId, role, county: orgs.find((o) => o.id === orgId)?.county_code ?? null };
  });
}

function probes(): Probe[] {
  const get = (rule: string, path: string, facts: Probe['facts'] = {}): Probe => ({ rule: `GET ${rule}`, method: 'GET', path, facts });
  const post = (rule: string, path: string, facts: Probe['facts'] = {}): Probe => ({
    rule: `POST ${rule}`,
    method: 'POST',
    path,
    body: PROBE,
    facts,
  });
  const processes = [
    { id: zoneId, zone: county, definition: processDefinitions['zone-establishment']! },
    { id: agreementId, zone: county, definition: processDefinitions['delegation-agreement']! },
    { id: penalty.id, zone: penalty.zone, definition: processDefinitions['penalty-report']! },
  ];
  return [
    get('/api/me', '/api/me'),
    get('/api/process-types', '/api/process-types'),
    get('/api/processes', `/api/processes?zone=${county}`),
    // Reading depends on the process's zone and tasks, not its type: the zone's process stands for both.
    ...['', '/timeline', '/history', '/export', '/documents'].map((tail) =>
      get(`/api/processes/{id}${tail}`, `/api/processes/${zoneId}${tail}`, { processId: zoneId, zone: county }),
    ),
    ...Object.keys(processDefinitions).map((type) => post('/api/processes/{type}', `/api/processes/${type}`, { type })),
    ...processes.flatMap(({ id, zone, definition }) =>
      definition.processActions.map((action) =>
        post('/api/processes/{id}/actions/{action}', `/api/processes/${id}/actions/${action}`, { processId: id, zone, action }),
      ),
    ),
    get('/api/tasks', '/api/tasks?org=city', { orgId: 'city' }),
    get('/api/tasks', `/api/tasks?org=gov-${county}`, { orgId: `gov-${county}` }),
    // Reading a task depends on its organisation only: one addressed to the FTZ, one to the county.
    ...[tasks[0], tasks[1]].map((task) => get('/api/tasks/{id}', `/api/tasks/${task.id}`, { orgId: task.orgId })),
    ...tasks.map((task) =>
      post('/api/tasks/{id}/complete', `/api/tasks/${task.id}/complete`, { action: task.action, taskOrgId: task.orgId }),
    ),
    get('/api/notifications', '/api/notifications?org=city', { orgId: 'city' }),
    get('/api/notifications', `/api/notifications?org=gov-${county}`, { orgId: `gov-${county}` }),
    post('/api/notifications/{id}/read', `/api/notifications/${notificationId}/read`, { orgId: `gov-${county}` }),
    get('/api/oversight', '/api/oversight?org=city', { orgId: 'city' }),
    get('/api/notification-channels', `/api/notification-channels?org=gov-${county}`, { orgId: `gov-${county}` }),
    // Sets the caller's own organisation's channels: no other organisation's is reachable.
    post('/api/notification-channels', '/api/notification-channels'),
    get('/api/organizations', '/api/organizations'),
    post('/api/organizations/{id}/uscc', `/api/organizations/gov-${county}/uscc`, { orgId: `gov-${county}` }),
    get('/api/zones', '/api/zones'),
    get('/api/zones/{code}', `/api/zones/${county}`),
    get('/api/zones/containing', `/api/zones/containing?township=${county}001`),
    get('/api/divisions', `/api/divisions?county=${county}`),
    get('/api/parks', `/api/parks?county=${county}`),
    get('/api/calendar/{year}', '/api/calendar/2026'),
    get('/api/powers', '/api/powers'),
    get('/api/agreements', '/api/agreements'),
    get('/api/agreements/{id}', `/api/agreements/${agreementId}`),
    get('/api/authority', `/api/authority?zone=${county}&power=XK-001&date=2026-06-01`),
    get('/api/entities', '/api/entities'),
    get('/api/entities/{uscc}', '/api/entities/91350100M000100Y43'),
    get('/api/verifications', '/api/verifications?org=le-210881', { orgId: 'le-210881' }),
    get('/api/penalties', `/api/penalties?zone=${penalty.zone}`),
    get('/api/penalties/{decisionNumber}', `/api/penalties/${encodeURIComponent(penalty.decisionNumber)}`),
    get('/api/pilots', '/api/pilots'),
    get('/api/reform/innovations', `/api/reform/innovations?zone=${county}`),
    get('/api/reform/demands', `/api/reform/demands?zone=${county}`),
    get('/api/training-sessions', '/api/training-sessions'),
    post('/api/training-sessions', '/api/training-sessions'),
    get('/api/documents', '/api/documents?q=营自贸发'),
    // The zone's memorandum, signed in the set-up, is its document 1.
    get('/api/processes/{id}/attachments', `/api/processes/${zoneId}/attachments`, { processId: zoneId, zone: county }),
    get('/api/processes/{id}/attachments/{sha256}', `/api/processes/${zoneId}/attachments/${'0'.repeat(64)}`, {
      processId: zoneId,
      zone: county,
    }),
    ...[tasks[0], tasks[1]].map((task) =>
      post('/api/tasks/{id}/attachments', `/api/tasks/${task.id}/attachments`, { action: task.action, taskOrgId: task.orgId }),
    ),
    get('/api/processes/{id}/documents/{n}.pdf', `/api/processes/${zoneId}/documents/1.pdf`, { processId: zoneId, zone: county }),
    get('/api/statistics', '/api/statistics?view=national'),
    post('/api/statistics/snapshots', '/api/statistics/snapshots'),
    get('/api/statistics/export', '/api/statistics/export?view=national&period=2026-01&format=csv'),
    get('/api/indicators', '/api/indicators?period=2026-01'),
    get('/api/inspections', `/api/inspections?zone=${county}`),
    get('/api/public/inspections', '/api/public/inspections'),
    post('/api/audit/verify', '/api/audit/verify'),
    get('/api/audit/public-key', '/api/audit/public-key'),
    get('/api/audit/organisation-keys', '/api/audit/organisation-keys'),
    post('/codec/encode', '/codec/encode'),
    post('/codec/decode', '/codec/decode'),
  ];
}

/** The rules of api/access.ts, read as a person would read them. */
async function allows(rule: RouteRule, caller: Caller, facts: Probe['facts']): Promise<boolean> {
  if (!rule.roles.includes(caller.role as never)) return false;
  switch (rule.reach) {
    case 'public':
    case 'everyone':
      return true;
    case 'own-org': {
      // A county's admin reads its own county's organisations; the city's and the FTZ's read all.
      if (facts.orgId === caller.orgId || caller.role === 'auditor') return true;
      if (caller.role !== 'admin') return false;
      if (SUPERVISING_ORGS.includes(caller.orgId)) return true;
      const county = (org: string | undefined) => /^(gov|zone|le|tax)-(\d{6})$/.exec(org ?? '')?.[2];
      return county(caller.orgId) !== undefined && county(caller.orgId) === county(facts.orgId);
    }
    case 'own-org-only':
      return !facts.orgId || facts.orgId === caller.orgId;
    case 'org-admin':
      return facts.orgId === caller.orgId || caller.orgId === 'ftz';
    case 'process': {
      // A search is open to all: its results are narrowed (the next test), it refuses no one.
      if (!facts.processId) return true;
      if (caller.role === 'auditor' || SUPERVISING_ORGS.includes(caller.orgId) || (facts.zone && caller.county === facts.zone)) return true;
      const [task] = await h.db.query('SELECT 1 FROM tasks WHERE org_id = $1 AND process_id = $2', [caller.orgId, facts.processId]);
      return Boolean(task);
    }
    case 'launch': {
      const { orgIds, countyOrgKinds = [], role } = processDefinitions[facts.type as keyof typeof processDefinitions]!.launchedBy;
      const ofKind = countyOrgKinds.some((kind) => caller.orgId === `${kind}-${caller.county}`);
      return (orgIds.includes(caller.orgId) || ofKind) && caller.role === role;
    }
    case 'action': {
      const action = actionRules[facts.action!];
      // The action's role, or a leader where it signs (a signature is refused to others after the payload is read).
      if (!action || !action.roles.includes(caller.role as never)) return false;
      if (action.orgs === 'addressee') return caller.orgId === facts.taskOrgId;
      if (action.orgs === 'zone-parties') return [`gov-${facts.zone}`, 'ftz'].includes(caller.orgId);
      if (action.orgs === 'zone-enforcement') return caller.orgId === `le-${facts.zone}`;
      if (action.orgs === 'zone-window') return [`zone-${facts.zone}`, 'ftz'].includes(caller.orgId);
      return action.orgs.includes(caller.orgId);
    }
    case 'supervisors':
      return SUPERVISING_ORGS.includes(caller.orgId);
    case 'operators':
      return caller.role === 'auditor' || SUPERVISING_ORGS.includes(caller.orgId);
  }
}

test(
  'every route and action, for every seeded user: nothing is allowed that the rules do not allow',
  async () => {
    const all = probes();
    // Every route of the table and every action is probed, and every route has a declared rule.
    const probed = new Set(all.map((p) => p.rule));
    // Logout ends the caller's sessions, which every later probe needs: test/security.test.ts probes it.
    const guarded = routes
      .filter((route) => !route.public && route.path !== '/api/auth/logout')
      .map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(guarded.filter((key) => !probed.has(key))).toEqual([]);
    expect(guarded.filter((key) => !routeRules[key])).toEqual([]);
    const actionsProbed = new Set(all.map((p) => p.facts.action).filter(Boolean));
    expect(Object.keys(allActions).filter((action) => !actionsProbed.has(action))).toEqual([]);
    expect(Object.keys(allActions).filter((action) => !actionRules[action])).toEqual([]);
    // Auditors change nothing: no rule that writes names them.
    expect(Object.entries(routeRules).filter(([, rule]) => rule.writes && rule.roles.includes('auditor'))).toEqual([]);

    const people = await callers();
    const cases = people.flatMap((caller) => all.map((probe) => ({ caller, probe })));
    const unexpected: string[] = [];
    let allowed = 0;
    let refused = 0;
    const queue = [...cases];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { caller, probe } = next;
          const client = await h.as(caller.username);
          const response = probe.method === 'GET' ? await client.get(probe.path) : await client.post(probe.path, probe.body);
          const expected = await allows(routeRules[probe.rule], caller, probe.facts);
          const what = `${caller.username} ${probe.method} ${probe.path}: ${response.status}`;
          if (expected) {
            allowed++;
            if ([401, 403].includes(response.status) || response.status >= 500)
              unexpected.push(`${what}, expected to be allowed (${JSON.stringify(response.body?.error ?? '')})`);
          } else {
            refused++;
            if (response.status !== 403) unexpected.push(`${what}, expected 403`);
          }
        }
      }),
    );
    expect(unexpected).toEqual([]);
    expect(allowed).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
    // Half a minute alone on two cores; beside the rest of the suite, twice that or more.
  },
  scaled(240_000),
);

test('a search lists only the processes a user may read', async () => {
  const people = await callers();
  const expected: Record<string, boolean> = {
    'audit.auditor': true,
    [`gov-${county}.staff`]: true,
    'le-210881.staff': false,
    'tax-ftz.staff': false,
  };
  for (const [username, reads] of Object.entries(expected)) {
    const caller = people.find((c) => c.username === username)!;
    // Visibility is eventually consistent: a reader waits until both processes are listed.
    const items = await eventually(async () => {
      const list = await (await h.as(username)).get(`/api/processes?zone=${county}`);
      expect(list.status).toBe(200);
      const found = list.body.items as { id: string; zone: string | null }[];
      return !reads || (found.some((i) => i.id === zoneId) && found.some((i) => i.id === agreementId)) ? found : undefined;
    });
    expect([username, items.length > 0]).toEqual([username, reads]);
    for (const item of items)
      expect([
        username,
        item.id,
        await allows(routeRules['GET /api/processes/{id}'], caller, { processId: item.id, zone: item.zone }),
      ]).toEqual([username, item.id, true]);
  }
});

test('the workflows check the actor again: an update sent past the API by the wrong organisation is refused', async () => {
  const draft = await taskFor(h, 'ftz.staff', agreementId, 'draftAgreement');
  const attempts = [
    {
      id: agreementId,
      action: 'draftAgreement',
      taskId: draft.id,
      actor: { userId: `gov-${county}.staff`, orgId: `gov-${county}`, roles: ['staff'] },
    },
    { id: zoneId, action: 'suspendZone', actor: { userId: 'ftz.admin', orgId: 'ftz', roles: ['admin'] } },
    { id: zoneId, action: 'proposeAmendment', actor: { userId: 'audit.auditor', orgId: 'audit', roles: ['auditor'] } },
  ];
  for (const { id, action, taskId, actor } of attempts) {
    // Valid payloads: the validator parses the payload first, then checks the actor.
    const payload = action === 'draftAgreement' ? agreementContent([{ powerCode: 'XK-001' }]) : { reason: '越权' };
    const refused = await h.client.workflow
      .getHandle(id)
      .executeUpdate(action, { args: [{ actor, taskId, requestId: randomUUID(), payload }] })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (refused as WorkflowUpdateFailedError).cause as ApplicationFailure;
    // The actor is checked before the payload: a wrong organisation or role, refused by its code.
    expect(['NOT_YOUR_ORGANISATION', 'ROLE_NEEDED']).toContain(cause.type);
  }
});

import { ZONE_TRANSITIONS, type MemorandumContent } from '../../domain/zone-establishment';
import { readTownships } from '../../seeds/townships';
import { eventually, type Harness } from './harness';

const seededTownships = readTownships().townships;

/**
 * A county's townships as tests use them: two drawn into the zone by default, a third left outside — a
 * real county's first three in the division data, a test county's own `001`, `002` and `003`.
 */
export const townships = (county: string) => {
  const real = seededTownships.filter((t) => t.countyCode === county).map((t) => t.code);
  return real.length >= 3
    ? { inside: real.slice(0, 2), outside: real[2] }
    : { inside: [`${county}001`, `${county}002`], outside: `${county}003` };
};

/** The default area: two townships of the county, no park. */
export const area = (county: string, overrides: Partial<MemorandumContent['boundary']> = {}): MemorandumContent['boundary'] => ({
  townshipCodes: townships(county).inside,
  parkIds: [],
  areaKm2: 12.5,
  description: '示范区范围：两个街道，东至…西至…',
  ...overrides,
});

export const memorandum = (county: string, overrides: Partial<MemorandumContent> = {}): MemorandumContent => ({
  boundary: area(county),
  scope: '产业协同、政务服务、创新试点复制推广',
  duties: { ftz: '委托职权、政策支持、统计汇总', county: '用地保障、属地监管、统计报送' },
  statisticsRule: '市级考核归属县（市、区），国家级考核并入片区',
  meetingMechanism: '每季度召开一次联席会议',
  effectiveDate: '2027-01-01',
  ...overrides,
});

export const body = { name: '协同区管理委员会', head: '李明', contact: '0417-7654321', address: '协同区行政中心' };

export interface OpenTask {
  id: string;
  action: string;
  orgId: string;
  context: Record<string, unknown>;
  dueAt: string | null;
  mayComplete: boolean;
}

/** Waits for the open task of this action on the process, in the user's inbox. */
export async function taskFor(h: Harness, username: string, processId: string, action: string): Promise<OpenTask> {
  const user = await h.as(username);
  return eventually(
    async () => {
      const inbox = await user.get(`/api/tasks?processId=${processId}`);
      return (inbox.body.items as OpenTask[]).find((task) => task.action === action);
    },
    20_000,
    `${action} in ${username}'s inbox`,
  );
}

export async function complete(h: Harness, username: string, processId: string, action: string, payload: unknown) {
  const task = await taskFor(h, username, processId, action);
  const response = await (await h.as(username)).post(`/api/tasks/${task.id}/complete`, payload);
  if (response.status !== 200) throw new Error(`${action} by ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.state;
}

/** A test county's approval (批复): any county outside the first batch is launched with one. */
export const approval = (county: string) => ({ documentNumber: `营政〔2026〕${county.slice(4)}号`, approvedOn: '2026-06-01' });

/** The launch input: the first batch is approved by the policy itself, others carry the city's approval. */
export const launchInput = (county: string) =>
  ['210881', '210804'].includes(county) ? { countyCode: county } : { countyCode: county, approval: approval(county) };

export async function launch(h: Harness, county: string): Promise<string> {
  const response = await (await h.as('city.admin')).post('/api/processes/zone-establishment', launchInput(county));
  if (response.status !== 201) throw new Error(`launch ${county}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** Launch, draft, both sign (government first), name the body: an ACTIVE zone. */
export async function establish(h: Harness, county: string): Promise<string> {
  const id = await launch(h, county);
  await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
  await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
  await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
  await complete(h, `gov-${county}.staff`, id, 'nameManagementBody', body);
  return id;
}

/** The kinds of the records' events on the timeline (the engine's own notes left out). */
export async function timelineKinds(h: Harness, id: string): Promise<string[]> {
  const response = await (await h.as('audit.auditor')).get(`/api/processes/${id}/timeline`);
  return (response.body as { kind: string; source: string }[]).filter((entry) => entry.source === 'records').map((entry) => entry.kind);
}

/** Every move the workflow made is one the diagram shows. */
export function expectDeclaredPath(path: string[], transitions: readonly (readonly [string, string])[] = ZONE_TRANSITIONS): void {
  const declared = new Set(transitions.map(([from, to]) => `${from}>${to}`));
  const moves = path.slice(1).map((stage, i) => `${path[i]}>${stage}`);
  expect(moves.filter((move) => !declared.has(move))).toEqual([]);
}

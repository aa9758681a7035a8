import { addDays } from '../../domain/agreements';
import type { Power } from '../../domain/powers';
import { eventually, type Harness } from './harness';
import { complete, taskFor } from './zone-flow';

export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export const agreementContent = (
  items: { powerCode: string; scope?: string }[],
  term = { startDate: today(), endDate: addDays(today(), 364) },
) => ({
  items: items.map((item) => ({ scope: 'decision', ...item })),
  term,
  rights: '协同区管理机构以自贸片区名义受理、审查并作出决定',
  duties: '依法履职，按月报送办理情况',
  liability: '超越委托范围的行为由协同区承担责任',
  noSubEntrustment: true,
});

export async function launchAgreement(h: Harness, zone: string): Promise<string> {
  const response = await (await h.as('ftz.admin')).post('/api/processes/delegation-agreement', { zoneCode: zone });
  if (response.status !== 201) throw new Error(`launch agreement: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** Launch, draft, both sign, announce: an agreement IN FORCE (or pending its start). */
export async function concludeAgreement(h: Harness, zone: string, content: ReturnType<typeof agreementContent>): Promise<string> {
  const id = await launchAgreement(h, zone);
  await complete(h, 'ftz.staff', id, 'draftAgreement', content);
  await complete(h, `gov-${zone}.leader`, id, 'reviewAgreement', { decision: 'sign' });
  await complete(h, 'ftz.leader', id, 'reviewAgreement', { decision: 'sign' });
  await complete(h, 'ftz.staff', id, 'announceAgreement', { announcementRef: `营自贸委〔2026〕${id.slice(-3)}号`, announcedOn: today() });
  return id;
}

/** Publishes a catalogue version made from the one in force by `change`. */
export async function publishCatalog(h: Harness, change: (powers: Power[]) => Power[], effectiveDate = today()): Promise<number> {
  const launched = await (await h.as('ftz.admin')).post('/api/processes/power-catalog', {});
  if (launched.status !== 201) throw new Error(`launch catalogue: ${launched.status} ${JSON.stringify(launched.body)}`);
  const draft = await taskFor(h, 'ftz.staff', 'power-catalog', 'draftCatalog');
  const prefill = draft.context.prefill as { powers: Power[] };
  await complete(h, 'ftz.staff', 'power-catalog', 'draftCatalog', { effectiveDate, powers: change(prefill.powers) });
  const state = await complete(h, 'ftz.admin', 'power-catalog', 'approveCatalog', { decision: 'approve' });
  await eventually(async () =>
    (await h.client.workflow.getHandle('power-catalog').describe()).status.name === 'COMPLETED' ? true : undefined,
  );
  return state.published.version;
}

export async function authority(h: Harness, zone: string, power: string, date: string) {
  return (await (await h.as('audit.auditor')).get(`/api/authority?zone=${zone}&power=${power}&date=${date}`)).body;
}

export async function agreement(h: Harness, id: string) {
  return (await (await h.as('audit.auditor')).get(`/api/agreements/${id}`)).body;
}

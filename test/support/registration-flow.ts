import { randomBytes } from 'node:crypto';
import { issueUscc } from '../../domain/uscc';
import type { Application } from '../../domain/registration';
import { agreementContent, concludeAgreement } from './agreement-flow';
import { eventually, type Harness } from './harness';
import { complete, establish, townships } from './zone-flow';

/** A valid USCC of an entity no test has used, as the FTZ would issue it. */
export const newUscc = () => issueUscc(randomBytes(5).toString('hex'));

/** The powers a ready zone holds: two open to commitment (XK-001, XK-005), one not (XK-003). Penalties are not entrusted. */
export const ENTRUSTED = ['XK-001', 'XK-005', 'XK-003'];

/** An ACTIVE zone with an agreement in force and users for its body: a county ready to register companies. */
export async function readyZone(h: Harness, county?: string): Promise<string> {
  const code = county ?? (await h.newCounty());
  await establish(h, code);
  await h.addUsers(`zone-${code}`);
  await concludeAgreement(h, code, agreementContent(ENTRUSTED.map((powerCode) => ({ powerCode }))));
  return code;
}

export function application(county: string, overrides: Partial<Application> = {}): Application {
  return {
    name: `营口${county.slice(4)}测试食品有限公司`,
    uscc: newUscc(),
    legalRepresentative: { name: '王海', idNumber: '21080419800101123X', phone: '13904171234' },
    residence: { divisionCode: county, townshipCode: townships(county).inside[0], address: `营口市测试县${county.slice(4)}产业园区1号` },
    businessAddresses: [{ divisionCode: county, address: `营口市测试县${county.slice(4)}商业街8号` }],
    businessScope: '食品销售；餐饮服务；普通货物道路运输',
    licenceItems: [
      { powerCode: 'XK-001', commitment: '本企业承诺已具备食品经营许可条件，如有不实愿承担法律责任', variant: 'conditionsMet' },
    ],
    ...overrides,
  };
}

export async function apply(h: Harness, username: string, app: unknown) {
  return (await h.as(username)).post('/api/processes/entity-registration', app);
}

/** Applies and waits for the process to leave screening; returns its id. */
export async function applied(h: Harness, username: string, app: Application): Promise<string> {
  const response = await apply(h, username, app);
  if (response.status !== 201) throw new Error(`apply: ${response.status} ${JSON.stringify(response.body)}`);
  await registration(h, response.body.id, (r) => r.stage !== 'SCREENING');
  return response.body.id;
}

export interface RegistrationData {
  stage: string;
  path: string[];
  uscc: string;
  refusals: { code: string; message: string }[];
  licences: { id: string; status: string; verificationStatus: string; verifiedOnTime?: boolean }[];
  tax?: { office: string; transferStatus: string };
  deadlines: { name: string; open: boolean; reminded: boolean; escalated: boolean }[];
}

/** The process's state as the API shows it, once `ready` holds. */
export async function registration(
  h: Harness,
  id: string,
  ready: (r: RegistrationData) => boolean = () => true,
): Promise<RegistrationData> {
  const auditor = await h.as('audit.auditor');
  return eventually(
    async () => {
      const response = await auditor.get(`/api/processes/${id}`);
      if (response.status !== 200) return undefined;
      const data = { ...response.body.data, stage: response.body.stage, deadlines: response.body.deadlines } as RegistrationData;
      return ready(data) ? data : undefined;
    },
    20_000,
    `registration ${id}`,
  );
}

export async function entity(h: Harness, uscc: string) {
  return (await (await h.as('audit.auditor')).get(`/api/entities/${uscc}`)).body;
}

/** Completes the open task of this action on the process whose context names `licenceId`. */
export async function verify(
  h: Harness,
  username: string,
  id: string,
  action: 'verifyCommitment' | 'recheckCommitment',
  licenceId: string,
  payload: unknown,
) {
  const user = await h.as(username);
  const task = await eventually(
    async () => {
      const inbox = await user.get(`/api/tasks?processId=${id}`);
      return (inbox.body.items as { id: string; action: string; context: { licenceId?: string } }[]).find(
        (t) => t.action === action && t.context.licenceId === licenceId,
      );
    },
    20_000,
    `${action} of ${licenceId}`,
  );
  const response = await user.post(`/api/tasks/${task.id}/complete`, payload);
  if (response.status !== 200) throw new Error(`${action} by ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.state;
}

/** The tax transfer's three steps, each by its office. */
export async function transferTax(h: Harness, id: string, county: string): Promise<void> {
  await complete(h, 'tax-ftz.staff', id, 'requestTaxTransfer', { reference: '营自贸税迁〔2026〕1号' });
  await complete(h, 'tax-city.staff', id, 'approveTaxTransfer', { reference: '营税迁批〔2026〕1号' });
  await complete(h, `tax-${county}.staff`, id, 'confirmTaxTransfer', { reference: `${county}税迁入〔2026〕1号` });
}

import type { ProcessType } from '../domain/names';
import { badRequest, conflict } from './errors';
import type { ApiDeps } from './route';

type Check = (deps: ApiDeps, input: Record<string, unknown>) => Promise<void>;

/** Rules of launching that need the records; the workflow id and the workflows check the rest. */
const eligibility: Partial<Record<ProcessType, Check>> = {
  async 'zone-establishment'(deps, input) {
    const [county] = await deps.db.query(`SELECT 1 FROM divisions WHERE code = $1 AND level = 'county' AND valid_to IS NULL`, [input.countyCode]);
    if (!county) throw badRequest('invalid zone-establishment input', [{ path: 'body.countyCode', message: `${String(input.countyCode)} is not a county of Yingkou` }]);
    const [zone] = await deps.db.query<{ status: string }>(`SELECT status FROM zones WHERE code = $1 AND status <> 'TERMINATED'`, [input.countyCode]);
    if (zone) throw conflict(`${String(input.countyCode)} is already a zone (${zone.status})`);
  },
  async 'delegation-agreement'(deps, input) {
    const [zone] = await deps.db.query<{ status: string }>('SELECT status FROM zones WHERE code = $1', [input.zoneCode]);
    if (!zone) throw badRequest('invalid delegation-agreement input', [{ path: 'body.zoneCode', message: `${String(input.zoneCode)} is not a zone` }]);
    if (zone.status !== 'ACTIVE') throw conflict(`zone ${String(input.zoneCode)} is ${zone.status}, not ACTIVE`);
  },
  async 'entity-registration'(deps, input) {
    if (!input.uscc) return;
    const [entity] = await deps.db.query<{ process_id: string }>(`SELECT process_id FROM entities WHERE uscc = $1 AND status = 'REGISTERED'`, [input.uscc]);
    if (entity) throw conflict(`${String(input.uscc)} is already registered in the FTZ (process ${entity.process_id})`, { processId: entity.process_id });
  },
};

export async function checkEligibility(deps: ApiDeps, type: ProcessType, input: unknown): Promise<void> {
  await eligibility[type]?.(deps, input as Record<string, unknown>);
}

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
  async 'pilot-adoption'(deps, input) {
    const [measure] = await deps.db.query('SELECT 1 FROM reform_measures WHERE code = $1', [input.measureCode]);
    if (!measure && !input.listing) {
      throw badRequest('invalid pilot-adoption input', [{ path: 'body.measureCode', message: `reform measure ${String(input.measureCode)} is not listed; list it with "listing"` }]);
    }
    if (measure && input.listing) throw conflict(`reform measure ${String(input.measureCode)} is already listed`);
    const [undecided] = await deps.db.query(
      `SELECT 1 FROM zones z WHERE z.status = 'ACTIVE' AND NOT EXISTS (
         SELECT 1 FROM pilot_decisions d WHERE d.measure_code = $1 AND d.zone_code = z.code AND d.status <> 'PENDING')`,
      [input.measureCode],
    );
    if (!undecided) throw conflict(`no ACTIVE zone is left to decide on ${String(input.measureCode)}`);
  },
};

export async function checkEligibility(deps: ApiDeps, type: ProcessType, input: unknown): Promise<void> {
  await eligibility[type]?.(deps, input as Record<string, unknown>);
}

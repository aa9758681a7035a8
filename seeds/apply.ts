import type { Db } from '../store/db';
import { hashPassword } from '../store/passwords';
import { calendars } from './calendars';
import { firstCatalog } from './catalog';
import { divisions } from './divisions';
import { negativeList } from './negative-list';
import { organizations } from './organizations';
import { policyDefaults } from './policies';
import { reformMeasures } from './reform-measures';

export interface SeedOptions {
  /** When set, a demo user `<orgId>.<role>` with this password exists for each organisation and role. */
  demoPassword?: string;
}

/** Applies reference data and policy defaults; running it again changes nothing already there. */
export async function applySeeds(db: Db, options: SeedOptions = {}): Promise<void> {
  for (const d of divisions) {
    await db.query(
      `INSERT INTO divisions (code, name_zh, name_en, level, parent_code, valid_from)
       VALUES ($1, $2, $3, $4, $5, '1980-01-01') ON CONFLICT (code) DO NOTHING`,
      [d.code, d.nameZh, d.nameEn, d.level, d.level === 'county' ? '210800' : null],
    );
  }
  for (const c of calendars) {
    // A calendar year is replaced when the State Council's notice supersedes a provisional one.
    await db.query(
      `INSERT INTO calendar_years (year, holidays, workdays, provisional, source) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (year) DO UPDATE SET holidays = $2, workdays = $3, provisional = $4, source = $5
       WHERE calendar_years.provisional`,
      [c.year, c.holidays, c.workdays, c.provisional, c.source],
    );
  }
  for (const [key, value] of Object.entries(policyDefaults)) {
    await db.query(`INSERT INTO policies (key, scope, value) VALUES ($1, '*', $2) ON CONFLICT DO NOTHING`, [
      key,
      JSON.stringify(value),
    ]);
  }
  for (const o of organizations) {
    await db.query(
      `INSERT INTO organizations (id, name_zh, name_en, kind, county_code) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [o.id, o.nameZh, o.nameEn, o.kind, o.countyCode ?? null],
    );
  }
  for (const item of negativeList.items) {
    await db.query(
      `INSERT INTO negative_list_items (edition, code, kind, title, keywords) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [negativeList.edition, item.code, item.kind, item.title, item.keywords],
    );
  }
  await seedFirstCatalog(db);
  for (const m of reformMeasures) {
    await db.query(
      `INSERT INTO reform_measures (code, title_zh, title_en, granted_by, granted_on, summary, listed_at)
       VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT (code) DO NOTHING`,
      [m.code, m.titleZh, m.titleEn, m.grantedBy, m.grantedOn, m.summary],
    );
  }
  if (options.demoPassword !== undefined) await seedDemoUsers(db, options.demoPassword);
}

/** Version 1 of the power catalogue, when no catalogue was ever published. */
async function seedFirstCatalog(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO catalog_versions (version, status, effective_date, note, published_at)
       VALUES (1, 'PUBLISHED', $1, $2, now()) ON CONFLICT DO NOTHING RETURNING version`,
      [firstCatalog.effectiveDate, firstCatalog.note],
    );
    if (!inserted.length) return;
    for (const p of firstCatalog.powers) {
      await tx.query(
        `INSERT INTO powers (version, code, name, kind, legal_basis, commitment_applicable, verification_days, status)
         VALUES (1, $1, $2, $3, $4, $5, $6, $7)`,
        [p.code, p.name, p.kind, p.legalBasis, p.commitmentApplicable, p.verificationDays, p.status],
      );
    }
  });
}

/** One user per organisation and role, zone bodies created since included. Existing users are kept. */
async function seedDemoUsers(db: Db, password: string): Promise<void> {
  const zoneBodies = await db.query<{ id: string }>(`SELECT id FROM organizations WHERE kind = 'zone'`);
  const demoRoles = [
    ...organizations.flatMap((o) => o.demoRoles.map((role) => ({ orgId: o.id, role }))),
    ...zoneBodies.flatMap((z) => (['admin', 'staff'] as const).map((role) => ({ orgId: z.id, role }))),
  ];
  const existing = new Set(
    (await db.query<{ username: string }>('SELECT username FROM users')).map((u) => u.username),
  );
  const hash = await hashPassword(password);
  // Kept for the zone bodies created later: their users are added when the organisation is written.
  await db.query(
    `INSERT INTO demo_accounts (singleton, password_hash) VALUES (true, $1)
     ON CONFLICT (singleton) DO UPDATE SET password_hash = $1`,
    [hash],
  );
  for (const { orgId, role } of demoRoles) {
    const username = `${orgId}.${role}`;
    if (existing.has(username)) continue;
    await db.query(
      `INSERT INTO users (id, username, org_id, roles, password_hash) VALUES ($1, $1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [username, orgId, [role], hash],
    );
  }
}

/** The demo logins, for the start banner. */
export function demoUsernames(): string[] {
  return organizations.flatMap((o) => o.demoRoles.map((role) => `${o.id}.${role}`));
}

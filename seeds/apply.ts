import { catalogPowers } from '../store/catalog';
import type { Db } from '../store/db';
import { hashPassword } from '../store/passwords';
import { calendars } from './calendars';
import { firstCatalog, penaltiesDelisted } from './catalog';
import { divisions } from './divisions';
import { indicatorEditions } from './economic-indicators';
import { parks } from './parks';
import { countyEdition, readTownships } from './townships';
import { documentPrefixes } from './document-prefixes';
import { negativeListEditions } from './negative-list';
import { powerHoldings } from './power-holdings';
import { organizations, organUscc } from './organizations';
import { policyDefaults } from './policies';
import { reformMeasures } from './reform-measures';

export interface SeedOptions {
  /** When set, a demo user `<orgId>.<role>` with this password exists for each organisation and role. */
  demoPassword?: string;
}

/** Applies reference data and policy defaults; running it again changes nothing already there. */
export async function applySeeds(db: Db, options: SeedOptions = {}): Promise<void> {
  await seedDivisions(db);
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
    await db.query(`INSERT INTO policies (key, scope, value) VALUES ($1, '*', $2) ON CONFLICT DO NOTHING`, [key, JSON.stringify(value)]);
  }
  for (const o of organizations) {
    await db.query(
      // Seeded organisations carry their official names: a corrected name replaces the one seeded before.
      // Its USCC is seeded once: a code an admin set or corrected is kept.
      `INSERT INTO organizations (id, name_zh, name_en, kind, county_code, uscc) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET name_zh = $2, name_en = $3, uscc = COALESCE(organizations.uscc, $6)`,
      [o.id, o.nameZh, o.nameEn, o.kind, o.countyCode ?? null, o.uscc ?? organUscc(o.id, o.countyCode)],
    );
  }
  for (const edition of indicatorEditions) {
    await db.query(
      `INSERT INTO indicator_editions (edition, effective_from, source, definitions) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [edition.edition, edition.effectiveFrom, edition.source, JSON.stringify(edition.definitions)],
    );
  }
  for (const edition of negativeListEditions) {
    await db.query(
      `INSERT INTO negative_list_editions (edition, title, effective_from, source) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [edition.edition, edition.title, edition.effectiveFrom, edition.source],
    );
    for (const item of edition.items) {
      await db.query(
        `INSERT INTO negative_list_items (edition, code, kind, title, keywords, power_code) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [edition.edition, item.code, item.kind, item.title, item.keywords, item.powerCode ?? null],
      );
    }
  }
  for (const p of documentPrefixes) {
    // A prefix the deployment corrected by hand is kept: only a demonstration one follows the seed.
    await db.query(
      `INSERT INTO document_prefixes (org_id, prefix, source, demo) VALUES ($1, $2, $3, $4)
       ON CONFLICT (org_id) DO UPDATE SET prefix = $2, source = $3 WHERE document_prefixes.demo AND $4`,
      [p.orgId, p.prefix, p.source, p.demo],
    );
  }
  await seedFirstCatalog(db);
  await delistPenaltyPowers(db);
  for (const h of powerHoldings) {
    await db.query(
      `INSERT INTO power_holdings (power_code, mode, granted_by, document, valid_from) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [h.powerCode, h.mode, h.grantedBy, h.document, h.validFrom],
    );
  }
  for (const m of reformMeasures) {
    await db.query(
      `INSERT INTO reform_measures (code, title_zh, title_en, granted_by, granted_on, summary, source, delisted_on, delisting_reason, listed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (code) DO UPDATE SET source = coalesce(reform_measures.source, $7),
         delisted_on = coalesce(reform_measures.delisted_on, $8), delisting_reason = coalesce(reform_measures.delisting_reason, $9)`,
      [m.code, m.titleZh, m.titleEn, m.grantedBy, m.grantedOn, m.summary, m.source, m.delisted?.on ?? null, m.delisted?.reason ?? null],
    );
  }
  if (options.demoPassword !== undefined) await seedDemoUsers(db, options.demoPassword);
}

/** Counties (GB/T 2260) and townships (统计用区划代码), each row naming its edition; then the parks. */
async function seedDivisions(db: Db): Promise<void> {
  const { edition, townships } = readTownships();
  for (const e of [countyEdition, edition]) {
    await db.query(`INSERT INTO division_editions (edition, title, as_of, source) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      e.edition,
      e.title,
      e.asOf,
      e.source,
    ]);
  }
  for (const d of divisions) {
    await db.query(
      `INSERT INTO divisions (code, name_zh, name_en, level, parent_code, valid_from, edition)
       VALUES ($1, $2, $3, $4, $5, '1980-01-01', $6) ON CONFLICT (code) DO UPDATE SET edition = coalesce(divisions.edition, $6)`,
      [d.code, d.nameZh, d.nameEn, d.level, d.level === 'county' ? '210800' : null, countyEdition.edition],
    );
  }
  for (const t of townships) {
    // Township names are Chinese only in the source: the English column repeats the code's unit name.
    await db.query(
      `INSERT INTO divisions (code, name_zh, name_en, level, parent_code, valid_from, edition)
       VALUES ($1, $2, $2, 'township', $3, $4, $5) ON CONFLICT (code) DO NOTHING`,
      [t.code, t.nameZh, t.countyCode, edition.asOf, edition.edition],
    );
  }
  for (const p of parks) {
    await db.query(
      `INSERT INTO parks (id, county_code, name_zh, name_en, source, demo, valid_from) VALUES ($1, $2, $3, $4, $5, $6, '2020-11-10')
       ON CONFLICT (id) DO UPDATE SET name_zh = $3, name_en = $4, source = $5, demo = $6`,
      [p.id, p.countyCode, p.nameZh, p.nameEn, p.source, p.demo],
    );
  }
}

/**
 * When a seeded version was published: by its effective day (China time) at the latest, not when this
 * machine happened to seed it; a version not yet in effect is published as it is seeded.
 */
const publishedAt = (effectiveDate: string): Date => new Date(Math.min(Date.now(), Date.parse(`${effectiveDate}T00:00:00+08:00`)));

/** Version 1 of the power catalogue, when no catalogue was ever published. */
async function seedFirstCatalog(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO catalog_versions (version, status, effective_date, note, published_at)
       VALUES (1, 'PUBLISHED', $1, $2, $3) ON CONFLICT DO NOTHING RETURNING version`,
      [firstCatalog.effectiveDate, firstCatalog.note, publishedAt(firstCatalog.effectiveDate)],
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

/**
 * A new catalogue version delisting the penalty powers, while the version in force still lists one:
 * after it, nothing is left to delist and running it again changes nothing. The agreement items that
 * held them are revoked from its effective date, as a published delisting revokes them.
 */
async function delistPenaltyPowers(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // One publication at a time, as the catalogue process publishes (activities/agreement-records.ts).
    await tx.query('LOCK TABLE catalog_versions IN EXCLUSIVE MODE');
    const [current] = await tx.query<{ version: number }>(`SELECT version FROM catalog_versions WHERE status = 'PUBLISHED'`);
    if (!current) return;
    const powers = await catalogPowers(tx, current.version);
    const penalties = powers.filter((p) => p.kind === 'penalty' && p.status === 'listed').map((p) => p.code);
    if (!penalties.length) return;
    const [{ next }] = await tx.query<{ next: number }>('SELECT max(version) + 1 AS next FROM catalog_versions');
    await tx.query(`UPDATE catalog_versions SET status = 'SUPERSEDED' WHERE status = 'PUBLISHED'`);
    await tx.query(
      `INSERT INTO catalog_versions (version, status, effective_date, note, published_at) VALUES ($1, 'PUBLISHED', $2, $3, $4)`,
      [next, penaltiesDelisted.effectiveDate, penaltiesDelisted.note, publishedAt(penaltiesDelisted.effectiveDate)],
    );
    for (const p of powers) {
      await tx.query(
        `INSERT INTO powers (version, code, name, kind, legal_basis, commitment_applicable, verification_days, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          next,
          p.code,
          p.name,
          p.kind,
          penaltiesDelisted.legalBases[p.code] ?? p.legalBasis,
          p.commitmentApplicable,
          p.verificationDays,
          penalties.includes(p.code) ? 'delisted' : p.status,
        ],
      );
    }
    await tx.query(
      `UPDATE agreement_items i SET revoked_on = $2, revoked_by_catalog = $3 FROM agreements a
       WHERE a.id = i.agreement_id AND a.status IN ('SIGNED', 'IN_FORCE') AND i.power_code = ANY($1) AND i.revoked_on IS NULL`,
      [penalties, penaltiesDelisted.effectiveDate, next],
    );
  });
}

/** One user per organisation and role, zone bodies created since included. Existing users are kept. */
async function seedDemoUsers(db: Db, password: string): Promise<void> {
  const zoneBodies = await db.query<{ id: string }>(`SELECT id FROM organizations WHERE kind = 'zone'`);
  const demoRoles = [
    ...organizations.flatMap((o) => o.demoRoles.map((role) => ({ orgId: o.id, role }))),
    ...zoneBodies.flatMap((z) => (['admin', 'staff'] as const).map((role) => ({ orgId: z.id, role }))),
  ];
  const existing = new Set((await db.query<{ username: string }>('SELECT username FROM users')).map((u) => u.username));
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

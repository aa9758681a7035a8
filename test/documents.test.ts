import { agreementContent, concludeAgreement } from './support/agreement-flow';
import { eventually, startHarness, type Harness } from './support/harness';
import { penaltyZone, reportedPenalty } from './support/penalty-flow';
import { readPdf } from './support/pdf-text';
import { approval, complete, establish, launch, memorandum } from './support/zone-flow';

/**
 * Printable documents: each numbered act as a PDF in the official layout, read back as a text
 * extractor reads it (the fonts' ToUnicode maps), with its fonts embedded, the same bytes every time.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

/** The PDF's bytes as a user fetches them, with the headers. */
async function pdfOf(username: string, processId: string, n: number) {
  const login = await h.anonymous('POST', '/api/auth/login', { username, password: 'demo' });
  const response = await fetch(`${h.baseUrl}/api/processes/${encodeURIComponent(processId)}/documents/${n}.pdf`, {
    headers: { authorization: `Bearer ${login.body.token}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

function expectFontsEmbedded(dictionaries: string[]) {
  const descriptors = dictionaries.filter((d) => /\/Type \/FontDescriptor/.test(d));
  expect(descriptors.length).toBeGreaterThan(0);
  // Every font the document uses carries its own file (CFF: FontFile3, TrueType: FontFile2): none is left to the reader.
  for (const d of descriptors) expect(d).toMatch(/\/FontFile[23] \d+ 0 R/);
  expect(dictionaries.some((d) => /\/BaseFont \/[A-Z]{6}\+\S*CJK/.test(d))).toBe(true);
}

test('the signed memorandum prints with its 文号, both parties, its text and page numbers; twice the same bytes', async () => {
  const county = await h.newCounty();
  const id = await establish(h, county);
  const view = await (await h.as(`gov-${county}.staff`)).get(`/api/processes/${id}`);
  // 1 is the city's approval the zone was launched under; 2 the memorandum.
  const [, document] = view.body.documents;
  expect(document).toMatchObject({ kind: 'memorandum', n: 2 });

  const first = await pdfOf(`gov-${county}.staff`, id, 2);
  expect(first.status).toBe(200);
  expect(first.type).toBe('application/pdf');
  expect(first.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const second = await pdfOf('audit.auditor', id, 2);
  expect(second.bytes.equals(first.bytes)).toBe(true);

  const { pages, dictionaries } = readPdf(first.bytes);
  const text = pages.join('');
  expect(pages[0].startsWith('自贸区营口片区管委会')).toBe(true);
  for (const words of [
    document.number,
    '自贸区营口片区管委会',
    `gov-${county}`,
    `营口自贸片区测试县${county.slice(4)}协同发展示范区`,
    memorandum(county).scope,
    memorandum(county).meetingMechanism,
    '（签署人：ftz.leader）',
    `（签署人：gov-${county}.leader）`,
  ]) {
    expect([words, text.includes(words)]).toEqual([words, true]);
  }
  // 页码 on every page: 「— 1 —」, 「— 2 —」…
  pages.forEach((page, i) => expect(page).toContain(`— ${i + 1} —`));
  expectFontsEmbedded(dictionaries);
});

test('the agreement prints its items, scope and term; the recognition letter the decision it recognises', async () => {
  const { zone, uscc } = await penaltyZone(h);
  const agreementId = await concludeAgreement(h, zone, agreementContent([{ powerCode: 'XK-001', scope: 'review' }]));
  const agreement = readPdf((await pdfOf('ftz.staff', agreementId, 1)).bytes).pages.join('');
  for (const words of ['XK-001，委托范围：审查。', '不得将受托职权再委托', '自贸区营口片区管委会（签署人：ftz.leader）'])
    expect([words, agreement.includes(words)]).toEqual([words, true]);
  expect(agreement).toMatch(/营自贸发〔\d{4}〕\d+号/);

  const { id, decisionNumber } = await reportedPenalty(h, zone, uscc);
  await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
  const [letterDocument] = (await (await h.as('ftz.staff')).get(`/api/processes/${encodeURIComponent(id)}/documents`)).body.items;
  expect(letterDocument.kind).toBe('recognition');
  const letter = readPdf((await pdfOf(`zone-${zone}.staff`, id, 1)).bytes);
  const words = letter.pages.join('');
  for (const expected of [letterDocument.number, decisionNumber, uscc, '罚款50,000元', '予以认可并适用', '特此函告'])
    expect([expected, words.includes(expected)]).toEqual([expected, true]);
  expectFontsEmbedded(letter.dictionaries);
});

test('a document is read as its process is: another county is refused, an unknown number is a 404', async () => {
  const county = await h.newCounty();
  const id = await establish(h, county);
  expect((await pdfOf('le-210881.staff', id, 1)).status).toBe(403);
  expect((await pdfOf('city.staff', id, 3)).status).toBe(404);
  expect((await pdfOf('city.staff', id, 0)).status).toBe(400);
});

test("the city's approval prints with the 文号 recorded at launch, the city as issuer and signatory, the FTZ and the county addressed", async () => {
  const county = await h.newCounty();
  const id = await launch(h, county);
  // Recorded by the launch's step, which the engine runs after the launch is answered.
  const document = await eventually(
    async () => (await (await h.as('city.staff')).get(`/api/processes/${id}/documents`)).body.items[0],
    30_000,
    'the approval recorded',
  );
  expect(document).toMatchObject({
    kind: 'approval',
    n: 1,
    orgId: 'city',
    number: approval(county).documentNumber,
    signedBy: [{ orgId: 'city', name: '营口市人民政府' }],
  });
  expect(document.title).toMatch(/^关于同意设立.+协同发展示范区的批复$/);
  const printed = await pdfOf(`gov-${county}.staff`, id, 1);
  expect(printed.status).toBe(200);
  const { pages, dictionaries } = readPdf(printed.bytes);
  const text = pages.join('');
  expect(pages[0].startsWith('营口市人民政府文件')).toBe(true);
  for (const words of [
    approval(county).documentNumber,
    document.title,
    '自贸区营口片区管委会、',
    '四（一）1',
    '此复。',
    '营口市人民政府',
    '2026年6月1日',
  ]) {
    expect([words, text.includes(words)]).toEqual([words, true]);
  }
  expectFontsEmbedded(dictionaries);
  // Recorded, not issued: the city's sequence took no number for it.
  expect(await h.db.query(`SELECT 1 FROM document_counters WHERE org_id = 'city'`)).toEqual([]);
  // Signed by the city's key, as the verify route reports.
  const login = await h.anonymous('POST', '/api/auth/login', { username: 'audit.auditor', password: 'demo' });
  const verified = await fetch(`${h.baseUrl}/api/audit/verify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${login.body.token}`, 'content-type': 'application/pdf' },
    body: new Uint8Array(printed.bytes),
  });
  expect(await verified.json()).toMatchObject({
    valid: true,
    number: document.number,
    signatures: [{ orgId: 'city', orgName: '营口市人民政府', result: 'ok' }],
  });
});

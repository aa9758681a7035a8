import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Words the policy does not use, each beside the one it does (营政发〔2020〕16号 and the national rules it
 * cites). Nothing the product shows, stores or documents may carry them: labels, timeline sentences,
 * seeded data, migrations and docs alike.
 */
const RETIRED_WORDS: [retired: string, policyWord: string][] = [
  ['迁移', '划转'],
  ['审计与纪检', '审计局 and 纪律检查委员会, two bodies'],
  ['失信等级', '失信行为严重程度'],
  ['授予机关', '赋予机关'],
  ['国家级口径', '国家、省及海关总署考核口径'],
  ['市级考核口径', '市政府考核口径'],
  ['商事登记', '市场主体注册登记'],
];

const ROOT = join(__dirname, '..');
const PRODUCT = ['web', 'api', 'domain', 'seeds', 'activities', 'workflows', 'store', 'docs', 'README.md'];

function* files(path: string): Generator<string> {
  if (statSync(path).isFile()) return yield path;
  for (const name of readdirSync(path)) yield* files(join(path, name));
}

describe('the policy’s words', () => {
  test('no retired word appears anywhere in the product', () => {
    const found: string[] = [];
    for (const file of PRODUCT.flatMap((p) => [...files(join(ROOT, p))])) {
      if (!/\.(ts|tsx|sql|md|html|css)$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      for (const [retired, policyWord] of RETIRED_WORDS) {
        if (text.includes(retired)) found.push(`${file.slice(ROOT.length + 1)}: ${retired} (the policy says ${policyWord})`);
      }
    }
    expect(found).toEqual([]);
  });
});

import { COUNTY_CODE, zoneName } from './names';
import { zoneEstablishmentInputSchema } from './zone-establishment';

test('zone names follow the policy: 营口自贸片区{county}协同发展示范区', () => {
  expect(zoneName('盖州市')).toBe('营口自贸片区盖州市协同发展示范区');
});

test('a county code is 2108xx but not the city itself', () => {
  expect(['210881', '210804', '210812'].every((code) => COUNTY_CODE.test(code))).toBe(true);
  expect(['210800', '110101', '21088', '2108811'].some((code) => COUNTY_CODE.test(code))).toBe(false);
  expect(zoneEstablishmentInputSchema.safeParse({ countyCode: '210881', other: 1 }).success).toBe(false);
});

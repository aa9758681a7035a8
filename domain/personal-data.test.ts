import { forReader, maskPersonalData } from './personal-data';

const application = {
  name: '营口某某科技有限公司',
  legalRepresentative: { name: '王五', idNumber: '21080419900101123X', phone: '13800138000' },
  items: [{ power: 'XK-001', body: { head: '李明', contact: '0417-1234567' } }],
};

test('masks ID numbers, phones, contacts and heads wherever they nest, and nothing else', () => {
  const masked = maskPersonalData(application);
  expect(masked.legalRepresentative).toEqual({ name: '王五', idNumber: '2108**********123X', phone: '138****8000' });
  expect(masked.items[0].body).toEqual({ head: '李*', contact: '041*****4567' });
  expect(masked.name).toBe(application.name);
  expect(JSON.stringify(masked)).not.toContain('19900101');
  // The original is left as it was.
  expect(application.legalRepresentative.idNumber).toBe('21080419900101123X');
});

test('auditors and the handling organisations read in full; any other reader masked', () => {
  expect(forReader(application, { orgId: 'audit', roles: ['auditor'] }, [])).toBe(application);
  expect(forReader(application, { orgId: 'gov-210881', roles: ['staff'] }, ['gov-210881'])).toBe(application);
  const other = forReader(application, { orgId: 'tax-210881', roles: ['admin'] }, ['gov-210881']);
  expect(other.legalRepresentative.idNumber).toBe('2108**********123X');
});

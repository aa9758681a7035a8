import { maskPersonalData } from './personal-data';
import { measureFromPractice, practiceEvaluationSchema, trainingSessionSchema } from './reform';

test('a practice declined without reasons is refused on the reasons field; accepted needs none', () => {
  const bare = practiceEvaluationSchema.safeParse({ decision: 'decline' });
  expect(bare.success).toBe(false);
  expect(bare.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reasons', '不予推广须写明理由']]);
  expect(practiceEvaluationSchema.safeParse({ decision: 'decline', reasons: '不具备条件' }).success).toBe(true);
  expect(practiceEvaluationSchema.safeParse({ decision: 'accept' }).success).toBe(true);
});

test('an accepted practice becomes a measure granted by its zone, titled in English as the FTZ gave it or as in Chinese', () => {
  expect(measureFromPractice({ zh: '一窗通办' }, '营口自贸片区盖州市协同发展示范区', '2026-06-01', '做法')).toEqual({
    titleZh: '一窗通办',
    titleEn: '一窗通办',
    grantedBy: '营口自贸片区盖州市协同发展示范区（协同区好经验好做法）',
    grantedOn: '2026-06-01',
    summary: '做法',
  });
});

test('a training session lists each organisation once; named attendees and demand contacts are masked as heads', () => {
  const session = {
    heldOn: '2026-06-15',
    topic: '培训',
    hours: 2,
    attendees: [
      { orgId: 'ftz', count: 1 },
      { orgId: 'ftz', count: 2 },
    ],
  };
  expect(trainingSessionSchema.safeParse(session).success).toBe(false);
  expect(maskPersonalData({ people: [{ personName: '王小明' }], contactName: '刘海', phone: '13904171234' })).toEqual({
    people: [{ personName: '王**' }],
    contactName: '刘*',
    phone: '139****1234',
  });
});

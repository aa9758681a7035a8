/**
 * The first batch of zones (盖州市, 鲅鱼圈区), approved by the policy itself, 营政发〔2020〕16号 of
 * 2020-11-10: the approval every other county needs from the city before its memorandum. Kept apart
 * from the schemas so the console can read it without them.
 */
export const FIRST_BATCH: readonly string[] = ['210881', '210804'];
export const POLICY_APPROVAL = { documentNumber: '营政发〔2020〕16号', approvedOn: '2020-11-10' } as const;

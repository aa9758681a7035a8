import { collect, flatten, validate } from '../web/components/schema-values';
import { formPayloads, forms } from './support/form-samples';

describe.each(forms)('the form of %s', (_name, zodSchema) => {
  const { schema, payloads } = formPayloads(zodSchema);

  test('a valid payload entered into it is submitted exactly, with no message', () => {
    for (const payload of payloads) {
      expect(zodSchema.safeParse(payload).error).toBeUndefined();
      const values = flatten(payload, schema);
      expect(validate(schema, values, '', 'zh')).toEqual({});
      expect(collect(schema, values, '')).toEqual(payload);
    }
  });

  test('a required field left empty gets a Chinese message on that field', () => {
    const payload = payloads[0] as Record<string, unknown>;
    const values = flatten(payload, schema);
    const required = Object.keys(values).find(
      (path) =>
        !path.endsWith('#') && typeof values[path] === 'string' && !/^(decision|result|variant|kind)$/.test(path.split('.').at(-1)!),
    );
    if (!required) return; // nothing typed in this form (a choice only, or no field)
    const errors = validate(schema, { ...values, [required]: '' }, '', 'zh');
    if (Object.keys(errors).length === 0) return; // the field was optional
    expect(errors[required]).toMatch(/[\u4e00-\u9fff]/);
  });
});

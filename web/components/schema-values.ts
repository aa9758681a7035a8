/** Form values against an action's JSON Schema: back into a payload, and checked before they are sent. */
import type { Lang } from '../i18n';

/** The part of JSON Schema that zod emits for our payloads. */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: string[];
  const?: string | boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  additionalProperties?: unknown;
}

/** Form values, flat by path (`items.0.powerCode`); an array's length is kept under `path.#`. */
export type Values = Record<string, unknown>;

const join = (path: string, name: string | number) => (path ? `${path}.${name}` : String(name));
const COUNT = '#';

/**
 * A nested payload as flat form values, read along its schema: an array of plain values is one value
 * when the form offers it as picks (its items' enum, or choices the page gives: `picked` by field name),
 * else one entry per item as the list draws it; a free-form object (GeoJSON) is its JSON text.
 */
export function flatten(value: unknown, schema?: Schema, picked: (name: string) => boolean = () => false): Values {
  const into: Values = {};
  const walk = (value: unknown, schema: Schema | undefined, path: string): void => {
    const options = schema && variants(schema);
    if (options && value && typeof value === 'object') {
      const key = discriminator(options) ?? '';
      const chosen = options.find((option) => option.properties?.[key]?.const === (value as Values)[key]);
      return walk(value, chosen ?? { type: 'object', properties: {} }, path);
    }
    const plain = Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null);
    if (plain && (!schema?.items || schema.items.enum || picked(path.split('.').at(-1)!))) {
      into[path] = value;
    } else if (Array.isArray(value)) {
      into[join(path, COUNT)] = value.length;
      value.forEach((item, i) => walk(item, schema?.items, join(path, i)));
    } else if (value && typeof value === 'object' && schema?.type === 'object' && !schema.properties && !variants(schema)) {
      into[path] = JSON.stringify(value);
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) walk(v, schema?.properties?.[key], join(path, key));
    } else if (value !== undefined && value !== null) {
      into[path] = value;
    }
  };
  walk(value, schema, '');
  return into;
}

export const variants = (schema: Schema) => schema.oneOf ?? schema.anyOf;

/**
 * The form a user may submit: a task's signing decisions (签署) left out for anyone but a leader, who
 * alone signs; the server refuses such a signature anyway (403).
 */
export function withoutSignatures(schema: Schema, signs: string[] | undefined, isLeader: boolean): Schema {
  const options = variants(schema);
  if (isLeader || !signs?.length || !options) return schema;
  const key = discriminator(options) ?? '';
  const kept = options.filter((option) => !signs.includes(String(option.properties?.[key]?.const)));
  return schema.oneOf ? { ...schema, oneOf: kept } : { ...schema, anyOf: kept };
}

/** The property that tells the variants of a union apart (`decision: 'sign' | 'return'`). */
export function discriminator(options: Schema[]): string | undefined {
  const first = options[0]?.properties ?? {};
  return Object.keys(first).find((key) => options.every((option) => option.properties?.[key]?.const !== undefined));
}

const isBlank = (value: unknown) => value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);

/** Nothing entered under this path: an optional group left out. */
export function isEmptyObject(_schema: Schema, values: Values, path: string): boolean {
  return Object.entries(values).every(([key, value]) => !key.startsWith(`${path}.`) || key.endsWith(`.${COUNT}`) || isBlank(value));
}

/** Form values (flat, by path) back into the payload's shape; empty optional fields and groups are left out. */
export function collect(schema: Schema, values: Values, path: string): unknown {
  const options = variants(schema);
  if (options) {
    const key = discriminator(options) ?? '';
    const chosen = options.find((option) => option.properties?.[key]?.const === values[join(path, key)]);
    return chosen ? collect(chosen, values, path) : {};
  }
  // A set of codes picked from a list (checkboxes) is held whole, as one value.
  if (schema.type === 'array' && (schema.items?.enum || Array.isArray(values[path])))
    return Array.isArray(values[path]) ? values[path] : [];
  if (schema.type === 'array' && schema.items) {
    // An entry left wholly empty (the blank one a list starts with) is not an entry.
    return filledItems(schema, values, path).map((itemPath) => collect(schema.items!, values, itemPath));
  }
  if (schema.type === 'object' && schema.properties) {
    const result: Values = {};
    for (const [name, field] of Object.entries(schema.properties)) {
      const fieldPath = join(path, name);
      const optional = !schema.required?.includes(name);
      if (optional && (field.properties || variants(field)) && isEmptyObject(field, values, fieldPath)) continue;
      const value = collect(field, values, fieldPath);
      // An optional list with nothing in it is left out, as an optional field left empty is.
      if (optional && Array.isArray(value) && value.length === 0) continue;
      if (value !== undefined) result[name] = value;
    }
    return result;
  }
  const raw = values[path];
  if (schema.const !== undefined && schema.type !== 'boolean') return schema.const;
  if (schema.type === 'boolean') return raw === true;
  if (raw === undefined || raw === '') return undefined;
  if (schema.type === 'number' || schema.type === 'integer') return Number(raw);
  if (schema.type === 'object') return parseJson(String(raw));
  return raw;
}

/** The paths of a list's entries, without the wholly empty ones unless the list needs them to reach its minimum. */
function filledItems(schema: Schema, values: Values, path: string): string[] {
  const count = Number(values[join(path, COUNT)] ?? schema.minItems ?? 1);
  const all = Array.from({ length: count }, (_, i) => join(path, i));
  const structured = schema.items!.properties || variants(schema.items!);
  const filled = structured
    ? all.filter((item) => !isEmptyObject(schema.items!, values, item))
    : all.filter((item) => !isBlank(values[item]));
  return filled.length >= (schema.minItems ?? 0) ? filled : all.slice(0, Math.max(schema.minItems ?? 0, filled.length));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

type Message = (lang: Lang, n?: number | string) => string;
const say =
  (zh: (n?: number | string) => string, en: (n?: number | string) => string): Message =>
  (lang, n) =>
    lang === 'zh' ? zh(n) : en(n);
const MESSAGES = {
  required: say(
    () => '此项必填',
    () => 'Required',
  ),
  choose: say(
    () => '请选择',
    () => 'Choose one',
  ),
  confirm: say(
    () => '须勾选确认',
    () => 'Must be confirmed',
  ),
  minLength: say(
    (n) => `至少 ${n} 个字`,
    (n) => `At least ${n} characters`,
  ),
  maxLength: say(
    (n) => `不超过 ${n} 个字`,
    (n) => `At most ${n} characters`,
  ),
  date: say(
    () => '请选择有效日期',
    () => 'Enter a valid date',
  ),
  pattern: say(
    () => '格式不正确',
    () => 'Not in the expected format',
  ),
  number: say(
    () => '请输入数字',
    () => 'Enter a number',
  ),
  integer: say(
    () => '请输入整数',
    () => 'Enter a whole number',
  ),
  above: say(
    (n) => `须大于 ${n}`,
    (n) => `Must be more than ${n}`,
  ),
  min: say(
    (n) => `不得小于 ${n}`,
    (n) => `At least ${n}`,
  ),
  max: say(
    (n) => `不得大于 ${n}`,
    (n) => `At most ${n}`,
  ),
  minItems: say(
    (n) => `请至少选择或填写 ${n} 项`,
    (n) => `Choose or add at least ${n}`,
  ),
  maxItems: say(
    (n) => `最多 ${n} 项`,
    (n) => `At most ${n}`,
  ),
  json: say(
    () => '须为有效的 JSON',
    () => 'Must be valid JSON',
  ),
};

const isDatePattern = (pattern?: string) => pattern?.startsWith('^\\d{4}-') ?? false;

function validDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Every field that would be refused, by path, with a message in the console's language. */
export function validate(
  schema: Schema,
  values: Values,
  path: string,
  lang: Lang,
  errors: Record<string, string> = {},
): Record<string, string> {
  const options = variants(schema);
  if (options) {
    const key = discriminator(options) ?? '';
    const keyPath = join(path, key);
    const chosen = options.find((option) => option.properties?.[key]?.const === values[keyPath]);
    if (!chosen) errors[keyPath] = MESSAGES.choose(lang);
    else
      validate(
        { ...chosen, properties: Object.fromEntries(Object.entries(chosen.properties ?? {}).filter(([n]) => n !== key)) },
        values,
        path,
        lang,
        errors,
      );
    return errors;
  }
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const fieldPath = join(path, name);
    const required = schema.required?.includes(name) ?? false;
    const group = field.properties || variants(field);
    if (group) {
      if (!required && isEmptyObject(field, values, fieldPath)) continue;
      validate(field, values, fieldPath, lang, errors);
    } else if (field.type === 'array' && field.items) {
      validateArray(field, values, fieldPath, lang, errors);
    } else {
      const message = leafError(field, values[fieldPath], required, lang);
      if (message) errors[fieldPath] = message;
    }
  }
  return errors;
}

function validateArray(field: Schema, values: Values, path: string, lang: Lang, errors: Record<string, string>) {
  const picked = field.items!.enum || Array.isArray(values[path]);
  const items = picked ? [] : filledItems(field, values, path);
  const count = picked ? (Array.isArray(values[path]) ? (values[path] as unknown[]).length : 0) : items.length;
  if (count < (field.minItems ?? 0)) errors[path] = MESSAGES.minItems(lang, field.minItems);
  else if (field.maxItems !== undefined && count > field.maxItems) errors[path] = MESSAGES.maxItems(lang, field.maxItems);
  for (const itemPath of items) {
    const item = field.items!;
    if (item.properties || variants(item)) validate(item, values, itemPath, lang, errors);
    else {
      const message = leafError(item, values[itemPath], true, lang);
      if (message) errors[itemPath] = message;
    }
  }
}

function leafError(field: Schema, raw: unknown, required: boolean, lang: Lang): string | undefined {
  if (field.type === 'boolean') return field.const === true && raw !== true ? MESSAGES.confirm(lang) : undefined;
  if (field.const !== undefined) return undefined;
  if (raw === undefined || raw === '') return required ? (field.enum ? MESSAGES.choose(lang) : MESSAGES.required(lang)) : undefined;
  if (field.type === 'number' || field.type === 'integer') {
    const n = Number(raw);
    if (Number.isNaN(n)) return MESSAGES.number(lang);
    if (field.type === 'integer' && !Number.isInteger(n)) return MESSAGES.integer(lang);
    if (field.exclusiveMinimum !== undefined && n <= field.exclusiveMinimum) return MESSAGES.above(lang, field.exclusiveMinimum);
    if (field.minimum !== undefined && n < field.minimum) return MESSAGES.min(lang, field.minimum);
    if (field.maximum !== undefined && n > field.maximum) return MESSAGES.max(lang, field.maximum);
    return undefined;
  }
  if (field.type === 'object') {
    try {
      JSON.parse(String(raw));
      return undefined;
    } catch {
      return MESSAGES.json(lang);
    }
  }
  const text = String(raw);
  if (field.enum && !field.enum.includes(text)) return MESSAGES.choose(lang);
  if (field.minLength !== undefined && [...text].length < field.minLength) return MESSAGES.minLength(lang, field.minLength);
  if (field.maxLength !== undefined && [...text].length > field.maxLength) return MESSAGES.maxLength(lang, field.maxLength);
  if (isDatePattern(field.pattern)) return validDate(text) ? undefined : MESSAGES.date(lang);
  if (field.pattern && !matches(field.pattern, text)) return MESSAGES.pattern(lang);
  return undefined;
}

function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    // A pattern this browser cannot compile is left to the server's check.
    return true;
  }
}

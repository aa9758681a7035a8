import { useEffect, useState } from 'preact/hooks';
import { fieldLabel, t, useLang, type Lang } from '../i18n';

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
  maxLength?: number;
  pattern?: string;
  additionalProperties?: unknown;
}

/** Form values, flat by path (`items.0.powerCode`); an array's length is kept under `path.#`. */
type Values = Record<string, unknown>;

export interface Choice {
  value: string;
  label: string;
}

interface FormProps {
  schema: Schema;
  /** Server-side errors by field path, shown on their fields. */
  errors: Record<string, string>;
  /** Fixed choices for some fields, by field name: counties for `countyCode`, powers for `powerCode`. */
  choices?: Record<string, Choice[]>;
  /** A payload to start from, e.g. the version being revised. */
  initial?: unknown;
  busy?: boolean;
  onSubmit(values: Values): void;
}

const join = (path: string, name: string | number) => (path ? `${path}.${name}` : String(name));
const COUNT = '#';

/** A nested payload as flat form values. */
function flatten(value: unknown, path = '', into: Values = {}): Values {
  if (Array.isArray(value)) {
    into[join(path, COUNT)] = value.length;
    value.forEach((item, i) => flatten(item, join(path, i), into));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) flatten(v, join(path, key), into);
  } else if (value !== undefined && value !== null) {
    into[path] = value;
  }
  return into;
}

/** Renders a form from an action's input schema, the same schema the API validates with. */
export function SchemaForm({ schema, errors, choices = {}, initial, busy, onSubmit }: FormProps) {
  const lang = useLang();
  const [values, setValues] = useState<Values>(() => flatten(initial));
  // A field's server error is shown until the field is edited.
  const [edited, setEdited] = useState<string[]>([]);
  useEffect(() => setEdited([]), [errors]);
  const shownErrors = Object.fromEntries(Object.entries(errors).filter(([path]) => !edited.includes(path)));
  const set = (path: string, value: unknown) => {
    setValues((old) => ({ ...old, [path]: value }));
    setEdited((old) => (old.includes(path) ? old : [...old, path]));
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(collect(schema, values, '') as Values);
      }}
    >
      <Fields schema={schema} path="" values={values} set={set} errors={shownErrors} choices={choices} lang={lang} />
      {errors[''] && <p class="field-error">{errors['']}</p>}
      <button type="submit" disabled={busy}>
        {t(lang, 'submit')}
      </button>
    </form>
  );
}

interface FieldsProps {
  schema: Schema;
  path: string;
  values: Values;
  set(path: string, value: unknown): void;
  errors: Record<string, string>;
  choices: Record<string, Choice[]>;
  lang: Lang;
}

const variants = (schema: Schema) => schema.oneOf ?? schema.anyOf;

/** The property that tells the variants of a union apart (`decision: 'sign' | 'return'`). */
function discriminator(options: Schema[]): string | undefined {
  const first = options[0]?.properties ?? {};
  return Object.keys(first).find((key) => options.every((option) => option.properties?.[key]?.const !== undefined));
}

function Fields({ schema, path, values, set, errors, choices, lang }: FieldsProps) {
  const options = variants(schema);
  if (options) {
    const key = discriminator(options) ?? '';
    const keyPath = join(path, key);
    const chosen = options.find((option) => option.properties?.[key]?.const === values[keyPath]);
    return (
      <>
        <Field label={fieldLabel(lang, key)} error={errors[keyPath]}>
          <select name={keyPath} value={String(values[keyPath] ?? '')} onChange={(e) => set(keyPath, e.currentTarget.value)}>
            <option value="">—</option>
            {options.map((option) => {
              const value = String(option.properties![key].const);
              return <option value={value}>{fieldLabel(lang, value)}</option>;
            })}
          </select>
        </Field>
        {chosen && (
          <Fields
            schema={{ ...chosen, properties: Object.fromEntries(Object.entries(chosen.properties ?? {}).filter(([name]) => name !== key)) }}
            {...{ path, values, set, errors, choices, lang }}
          />
        )}
      </>
    );
  }
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([name, field]) => (
        <Property name={name} field={field} required={schema.required?.includes(name) ?? false} {...{ path, values, set, errors, choices, lang }} />
      ))}
    </>
  );
}

function Property({ name, field, required, path, values, set, errors, choices, lang }: Omit<FieldsProps, 'schema'> & { name: string; field: Schema; required: boolean }) {
  const fieldPath = join(path, name);
  const label = fieldLabel(lang, name);
  const shared = { values, set, errors, choices, lang };
  if (field.type === 'object' && field.properties) {
    return (
      <fieldset>
        <legend>{label}</legend>
        <Fields schema={field} path={fieldPath} {...shared} />
      </fieldset>
    );
  }
  if (field.type === 'array' && field.items) {
    const count = Number(values[join(fieldPath, COUNT)] ?? field.minItems ?? 1);
    return (
      <fieldset data-array={fieldPath}>
        <legend>{label}</legend>
        {errors[fieldPath] && <span class="field-error">{errors[fieldPath]}</span>}
        {Array.from({ length: count }, (_, i) => (
          <div class="array-item" data-item={join(fieldPath, i)}>
            <span class="muted">{i + 1}.</span>
            <Fields schema={field.items!} path={join(fieldPath, i)} {...shared} />
            <button type="button" class="secondary" onClick={() => removeItem(fieldPath, i, count, values, set)}>
              {t(lang, 'remove')}
            </button>
          </div>
        ))}
        <button type="button" class="secondary" data-add={fieldPath} onClick={() => set(join(fieldPath, COUNT), count + 1)}>
          {t(lang, 'add')}
        </button>
      </fieldset>
    );
  }
  const value = values[fieldPath];
  const update = (e: { currentTarget: { value: string } }) => set(fieldPath, e.currentTarget.value);
  let input;
  if (field.type === 'boolean') {
    input = <input name={fieldPath} type="checkbox" class="checkbox" checked={value === true} onChange={(e) => set(fieldPath, e.currentTarget.checked)} />;
  } else if (choices[name] || field.enum) {
    const list = choices[name] ?? field.enum!.map((v) => ({ value: v, label: fieldLabel(lang, v) }));
    input = (
      <select name={fieldPath} value={String(value ?? '')} onChange={update}>
        <option value="">—</option>
        {list.map((choice) => (
          <option value={choice.value}>{choice.label}</option>
        ))}
      </select>
    );
  } else if (field.type === 'number' || field.type === 'integer') {
    input = <input name={fieldPath} type="number" step={field.type === 'integer' ? '1' : 'any'} value={String(value ?? '')} onInput={update} />;
  } else if (field.type === 'object' || (field.maxLength ?? 0) > 400) {
    input = <textarea name={fieldPath} value={String(value ?? '')} onInput={update} />;
  } else {
    const isDate = field.pattern?.startsWith('^\\d{4}-');
    input = <input name={fieldPath} type={isDate ? 'date' : 'text'} value={String(value ?? '')} onInput={update} />;
  }
  return (
    <Field label={label + (required ? '' : ` ${t(lang, 'optional')}`)} error={errors[fieldPath]}>
      {input}
    </Field>
  );
}

/** Removes item `index` of an array field: the items after it move up one place. */
function removeItem(arrayPath: string, index: number, count: number, values: Values, set: (path: string, value: unknown) => void) {
  for (let i = index; i < count - 1; i++) {
    const from = `${arrayPath}.${i + 1}.`;
    for (const [key, value] of Object.entries(values)) {
      if (key.startsWith(from)) set(`${arrayPath}.${i}.${key.slice(from.length)}`, value);
    }
  }
  set(join(arrayPath, COUNT), Math.max(0, count - 1));
}

function Field({ label, error, children }: { label: string; error?: string; children: preact.ComponentChildren }) {
  return (
    <div class={error ? 'has-error' : ''}>
      <label>
        {label}
        {children}
      </label>
      {error && <span class="field-error">{error}</span>}
    </div>
  );
}

/** Form values (flat, by path) back into the payload's shape; empty optional fields are left out. */
function collect(schema: Schema, values: Values, path: string): unknown {
  const options = variants(schema);
  if (options) {
    const key = discriminator(options) ?? '';
    const chosen = options.find((option) => option.properties?.[key]?.const === values[join(path, key)]);
    return chosen ? collect(chosen, values, path) : {};
  }
  if (schema.type === 'array' && schema.items) {
    const count = Number(values[join(path, COUNT)] ?? schema.minItems ?? 1);
    return Array.from({ length: count }, (_, i) => collect(schema.items!, values, join(path, i)));
  }
  if (schema.type === 'object' && schema.properties) {
    const result: Values = {};
    for (const [name, field] of Object.entries(schema.properties)) {
      const value = collect(field, values, join(path, name));
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

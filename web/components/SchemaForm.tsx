import { useEffect, useState } from 'preact/hooks';
import { fieldLabel, t, useLang, type Lang } from '../i18n';

/** The part of JSON Schema that zod emits for our payloads. */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: string[];
  const?: string;
  oneOf?: Schema[];
  anyOf?: Schema[];
  maxLength?: number;
  pattern?: string;
  additionalProperties?: unknown;
}

type Values = Record<string, unknown>;

export interface Choice {
  value: string;
  label: string;
}

interface FormProps {
  schema: Schema;
  /** Server-side errors by field path, shown on their fields. */
  errors: Record<string, string>;
  /** Fixed choices for some fields, e.g. counties for `countyCode`. */
  choices?: Record<string, Choice[]>;
  busy?: boolean;
  onSubmit(values: Values): void;
}

/** Renders a form from an action's input schema, the same schema the API validates with. */
export function SchemaForm({ schema, errors, choices = {}, busy, onSubmit }: FormProps) {
  const lang = useLang();
  const [values, setValues] = useState<Values>({});
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
        onSubmit(collect(schema, values, ''));
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

const join = (path: string, name: string) => (path ? `${path}.${name}` : name);
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
              const value = option.properties![key].const!;
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
      {Object.entries(schema.properties ?? {}).map(([name, field]) => {
        const fieldPath = join(path, name);
        const label = fieldLabel(lang, name) + (schema.required?.includes(name) ? '' : ' ');
        if (field.type === 'object' && field.properties) {
          return (
            <fieldset>
              <legend>{label}</legend>
              <Fields schema={field} path={fieldPath} {...{ values, set, errors, choices, lang }} />
            </fieldset>
          );
        }
        const value = String(values[fieldPath] ?? '');
        const update = (e: { currentTarget: { value: string } }) => set(fieldPath, e.currentTarget.value);
        let input;
        if (choices[name] || field.enum) {
          const list = choices[name] ?? field.enum!.map((v) => ({ value: v, label: fieldLabel(lang, v) }));
          input = (
            <select name={fieldPath} value={value} onChange={update}>
              <option value="">—</option>
              {list.map((choice) => (
                <option value={choice.value}>{choice.label}</option>
              ))}
            </select>
          );
        } else if (field.type === 'number' || field.type === 'integer') {
          input = <input name={fieldPath} type="number" step="any" value={value} onInput={update} />;
        } else if (field.type === 'object' || (field.maxLength ?? 0) > 400) {
          input = <textarea name={fieldPath} value={value} onInput={update} />;
        } else {
          const isDate = field.pattern?.startsWith('^\\d{4}-');
          input = <input name={fieldPath} type={isDate ? 'date' : 'text'} value={value} onInput={update} />;
        }
        return (
          <Field label={label} error={errors[fieldPath]}>
            {input}
          </Field>
        );
      })}
    </>
  );
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
function collect(schema: Schema, values: Values, path: string): Values {
  const options = variants(schema);
  if (options) {
    const key = discriminator(options) ?? '';
    const chosen = options.find((option) => option.properties?.[key]?.const === values[join(path, key)]);
    return chosen ? collect(chosen, values, path) : {};
  }
  const result: Values = {};
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const fieldPath = join(path, name);
    if (field.type === 'object' && field.properties) {
      result[name] = collect(field, values, fieldPath);
      continue;
    }
    const raw = values[fieldPath];
    if (field.const !== undefined) result[name] = field.const;
    else if (raw === undefined || raw === '') continue;
    else if (field.type === 'number' || field.type === 'integer') result[name] = Number(raw);
    else if (field.type === 'object') result[name] = parseJson(String(raw));
    else result[name] = raw;
  }
  return result;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

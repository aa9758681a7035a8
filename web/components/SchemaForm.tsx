import { useState } from 'preact/hooks';
import { RequestFailed, type ApiError } from '../api';
import { enumLabel, fieldLabel, formatDay, refusalText, t, useLang, type Lang } from '../i18n';
import { collect, validate, variants, discriminator, flatten, isEmptyObject, type Schema, type Values } from './schema-values';

export type { Schema } from './schema-values';

export interface Choice {
  value: string;
  label: string;
}

/** A field's fixed choices, or choices that follow a sibling field (a county's townships follow its county). */
export type Choices = Choice[] | ((sibling: (name: string) => unknown) => Choice[]);

const resolve = (choices: Choices | undefined, sibling: (name: string) => unknown): Choice[] | undefined =>
  typeof choices === 'function' ? choices(sibling) : choices;

interface FormProps {
  schema: Schema;
  /** Fixed choices for some fields, by field name: counties for `countyCode`, powers for `powerCode`. */
  choices?: Record<string, Choices>;
  /** Suggestions a text field offers while typing (entities by name for `uscc`). */
  suggestions?: Record<string, Choice[]>;
  /** A payload to start from, e.g. the version being revised. */
  initial?: unknown;
  /** Values that follow from a field just set (the first batch's approval from its county), by path. */
  derive?: (path: string, value: unknown, values: Values) => Values;
  /** Sends the payload; a refusal thrown here is shown on its field, or above the submit button. */
  submit(payload: unknown): Promise<void>;
}

const join = (path: string, name: string | number) => (path ? `${path}.${name}` : String(name));
const COUNT = '#';

/** The error of a request that failed without an answer (offline, server down), as a refusal. */
export function asApiError(error: unknown): ApiError {
  return error instanceof RequestFailed ? error.error : { status: 0, code: 'NETWORK', message: String(error), fields: {} };
}

/**
 * Renders a form from an action's input schema, the same schema the API validates with. Checked in the
 * browser first, with the message on the field; nothing is sent while a field is wrong.
 */
export function SchemaForm({ schema, choices = {}, suggestions = {}, initial, derive, submit }: FormProps) {
  const lang = useLang();
  const [values, setValues] = useState<Values>(() => flatten(initial, schema, (name) => Boolean(choices[name])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const set = (path: string, value: unknown) => {
    setValues((old) => ({ ...old, [path]: value, ...derive?.(path, value, old) }));
    // A field's error is shown until the field is edited.
    setErrors((old) => Object.fromEntries(Object.entries(old).filter(([p]) => p !== path && !path.startsWith(`${p}.`))));
  };
  const listId = (name: string) => `suggest-${name}`;
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const found = validate(schema, values, '', lang);
        setRefusal(undefined);
        setErrors(found);
        if (Object.keys(found).length) {
          // Focus the first wrong field, so that a keyboard or screen-reader user lands on it.
          requestAnimationFrame(() => form.querySelector<HTMLElement>('.has-error input, .has-error select, .has-error textarea')?.focus());
          return;
        }
        setBusy(true);
        try {
          await submit(collect(schema, values, ''));
        } catch (error) {
          const failure = asApiError(error);
          setRefusal(failure);
          setErrors(failure.fields);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Fields schema={schema} path="" values={values} set={set} errors={errors} choices={choices} suggestions={suggestions} lang={lang} />
      {Object.entries(suggestions).map(([name, list]) => (
        <datalist id={listId(name)}>
          {list.map((choice) => (
            <option value={choice.value}>{choice.label}</option>
          ))}
        </datalist>
      ))}
      {refusal && (
        <div class="error" role="alert" data-testid="form-error">
          <p>{refusalText(lang, refusal)}</p>
          {Object.entries(refusal.fields).length > 0 && (
            <ul>
              {Object.entries(refusal.fields).map(([path, message]) => (
                // The server names the field in its message (「名称」此项必填); an older message gets its label.
                <li>{message.startsWith('「') ? message : `${pathLabel(lang, path)}：${message}`}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!refusal && Object.keys(errors).length > 0 && (
        <p class="error" role="alert" data-testid="form-invalid">
          {t(lang, 'fixFields', { n: Object.keys(errors).length })}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t(lang, 'submitting') : t(lang, 'submit')}
      </button>
    </form>
  );
}

/** `decision.penalty.amountYuan` as 处罚 › 金额（元）. */
function pathLabel(lang: Lang, path: string): string {
  if (!path) return t(lang, 'wholeForm');
  return path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .map((part) => fieldLabel(lang, part))
    .join(' › ');
}

interface FieldsProps {
  schema: Schema;
  path: string;
  values: Values;
  set(path: string, value: unknown): void;
  errors: Record<string, string>;
  choices: Record<string, Choices>;
  suggestions: Record<string, Choice[]>;
  lang: Lang;
}

function Fields({ schema, path, values, set, errors, choices, suggestions, lang }: FieldsProps) {
  const options = variants(schema);
  const shared = { values, set, errors, choices, suggestions, lang };
  if (options) {
    const key = discriminator(options) ?? '';
    const keyPath = join(path, key);
    const chosen = options.find((option) => option.properties?.[key]?.const === values[keyPath]);
    return (
      <>
        <Field label={fieldLabel(lang, key, keyPath)} error={errors[keyPath]} path={keyPath}>
          <select name={keyPath} value={String(values[keyPath] ?? '')} onChange={(e) => set(keyPath, e.currentTarget.value)}>
            <option value="">{t(lang, 'choose')}</option>
            {options.map((option) => {
              const value = String(option.properties![key].const);
              return <option value={value}>{enumLabel(lang, key, value)}</option>;
            })}
          </select>
        </Field>
        {chosen && (
          <Fields
            schema={{ ...chosen, properties: Object.fromEntries(Object.entries(chosen.properties ?? {}).filter(([name]) => name !== key)) }}
            path={path}
            {...shared}
          />
        )}
      </>
    );
  }
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([name, field]) => (
        <Property name={name} field={field} required={schema.required?.includes(name) ?? false} path={path} {...shared} />
      ))}
    </>
  );
}

function Property(props: Omit<FieldsProps, 'schema'> & { name: string; field: Schema; required: boolean; label?: string }) {
  const { name, field, required, path, values, set, errors, choices, suggestions, lang } = props;
  const fieldPath = join(path, name);
  const label = (props.label ?? fieldLabel(lang, name, fieldPath)) + (required ? '' : ` ${t(lang, 'optional')}`);
  const shared = { values, set, errors, choices, suggestions, lang };
  const groupError = errors[fieldPath] && (
    <span class="field-error" data-error-for={fieldPath}>
      {errors[fieldPath]}
    </span>
  );
  if (variants(field)) {
    return (
      <fieldset data-field={fieldPath} class={errors[fieldPath] ? 'has-error' : ''}>
        <legend>{label}</legend>
        {groupError}
        <Fields schema={field} path={fieldPath} {...shared} />
      </fieldset>
    );
  }
  if (field.type === 'object' && field.properties) {
    const leftOut = !required && isEmptyObject(field, values, fieldPath);
    return (
      <fieldset data-field={fieldPath}>
        <legend>{label}</legend>
        {!required && <p class="muted hint">{t(lang, leftOut ? 'optionalGroupEmpty' : 'optionalGroupFilled')}</p>}
        {groupError}
        <Fields schema={field} path={fieldPath} {...shared} />
      </fieldset>
    );
  }
  const sibling = (other: string) => values[join(path, other)];
  const picks =
    field.type === 'array'
      ? (resolve(choices[name], sibling) ?? field.items?.enum?.map((code) => ({ value: code, label: enumLabel(lang, name, code) })))
      : undefined;
  if (field.type === 'array' && picks) {
    // Several codes from a fixed list (a return's reasons, an area's townships): a checkbox each, never a typed code.
    const chosen = Array.isArray(values[fieldPath]) ? (values[fieldPath] as string[]) : [];
    return (
      <fieldset data-field={fieldPath} class={`checks${errors[fieldPath] ? ' has-error' : ''}`}>
        <legend>{label}</legend>
        {picks.length === 0 && <p class="muted hint">{t(lang, 'noChoices')}</p>}
        {picks.map((choice) => (
          <label class="check">
            <input
              type="checkbox"
              name={fieldPath}
              value={choice.value}
              checked={chosen.includes(choice.value)}
              onChange={(e) =>
                set(fieldPath, e.currentTarget.checked ? [...chosen, choice.value] : chosen.filter((c) => c !== choice.value))
              }
            />
            {choice.label}
          </label>
        ))}
        {groupError}
      </fieldset>
    );
  }
  if (field.type === 'array' && field.items) {
    const count = Number(values[join(fieldPath, COUNT)] ?? field.minItems ?? 1);
    return (
      <fieldset data-array={fieldPath} data-field={fieldPath}>
        <legend>{label}</legend>
        {groupError}
        {Array.from({ length: count }, (_, i) => (
          <div class="array-item" data-item={join(fieldPath, i)}>
            <span class="muted">{i + 1}.</span>
            {field.items!.properties || variants(field.items!) ? (
              <Fields schema={field.items!} path={join(fieldPath, i)} {...shared} />
            ) : (
              // An entry that is one value (a code typed when the page offers no list to pick from).
              <Property
                name={String(i)}
                field={field.items!}
                required
                path={fieldPath}
                label={`${fieldLabel(lang, name, fieldPath)} ${i + 1}`}
                {...shared}
              />
            )}
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
    input = (
      <input
        name={fieldPath}
        type="checkbox"
        class="checkbox"
        checked={value === true}
        onChange={(e) => set(fieldPath, e.currentTarget.checked)}
      />
    );
  } else if (choices[name] || field.enum) {
    const list = resolve(choices[name], sibling) ?? field.enum!.map((v) => ({ value: v, label: enumLabel(lang, name, v) }));
    input = (
      <select name={fieldPath} value={String(value ?? '')} onChange={update}>
        <option value="">{t(lang, 'choose')}</option>
        {list.map((choice) => (
          <option value={choice.value}>{choice.label}</option>
        ))}
      </select>
    );
  } else if (field.type === 'number' || field.type === 'integer') {
    input = (
      <span class="with-unit">
        <input
          name={fieldPath}
          type="number"
          inputMode="decimal"
          step={field.type === 'integer' ? '1' : 'any'}
          value={String(value ?? '')}
          onInput={update}
        />
        {/Yuan$/.test(name) && <span class="unit">{t(lang, 'yuan')}</span>}
      </span>
    );
  } else if (field.type === 'object' || (field.maxLength ?? 0) > 400) {
    input = <textarea name={fieldPath} value={String(value ?? '')} onInput={update} />;
  } else {
    const isDate = field.pattern?.startsWith('^\\d{4}-');
    // The browser draws a date field in its own locale's order: the date is also said in words.
    const day = isDate && typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) ? formatDay(lang, value) : '';
    input = (
      <>
        <input
          name={fieldPath}
          type={isDate ? 'date' : 'text'}
          value={String(value ?? '')}
          onInput={update}
          list={suggestions[name] ? `suggest-${name}` : undefined}
          autocomplete="off"
        />
        {day && <span class="muted date-words">{day}</span>}
      </>
    );
  }
  return (
    <Field label={label} error={errors[fieldPath]} path={fieldPath}>
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

function Field({ label, error, path, children }: { label: string; error?: string; path: string; children: preact.ComponentChildren }) {
  return (
    <div class={error ? 'has-error' : ''} data-field={path}>
      <label>
        {label}
        {children}
      </label>
      {error && (
        <span class="field-error" role="alert" data-error-for={path}>
          {error}
        </span>
      )}
    </div>
  );
}

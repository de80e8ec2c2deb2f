/**
 * The scenario editor: catalog pickers and every layout field (each may be `auto`), written into
 * the YAML so comments survive; the YAML pane itself; open, drop and download; the shareable link.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Catalog } from './protocol.js';
import { hashOfScenario, readFields, toEditorText, toJsonText, writeField } from './scenario-text.js';
import { downloadText } from './ui/export-chart.js';

type FieldKind = { readonly type: 'select'; readonly options: (c: Catalog) => readonly string[] } | { readonly type: 'degree' };

interface Field { readonly path: readonly string[]; readonly label: string; readonly kind: FieldKind }

const DEGREES = ['auto', '1', '2', '4', '8', '16', '32', '64', '128', '256'];
const select = (options: (c: Catalog) => readonly string[]): FieldKind => ({ type: 'select', options });
const degree: FieldKind = { type: 'degree' };

const SCENARIO_FIELDS: readonly Field[] = [
  { path: ['model'], label: 'model', kind: select((c) => c.models) },
  { path: ['cluster', 'accelerator'], label: 'accelerator', kind: select((c) => c.accelerators) },
  { path: ['cluster', 'gpus'], label: 'GPUs', kind: degree },
  { path: ['training', 'precision'], label: 'precision', kind: select((c) => c.precisions) },
];
const LAYOUT_FIELDS: readonly Field[] = [
  ...(['tp', 'pp', 'vp', 'ep', 'etp', 'cp', 'dp'] as const).map((f) => ({ path: ['layout', f], label: f, kind: degree })),
  { path: ['layout', 'zero'], label: 'zero', kind: select(() => ['auto', '0', '1', '2', '3']) },
  { path: ['layout', 'fsdpShardSize'], label: 'fsdpShardSize', kind: degree },
  { path: ['layout', 'recompute'], label: 'recompute', kind: select(() => ['auto', 'none', 'selective', 'full']) },
  { path: ['layout', 'microBatch'], label: 'microBatch', kind: degree },
  { path: ['layout', 'schedule'], label: 'schedule', kind: select((c) => ['auto', ...c.schedules]) },
  { path: ['layout', 'sequenceParallel'], label: 'sequenceParallel', kind: select(() => ['auto', 'true', 'false']) },
];

const ALL_FIELDS = [...SCENARIO_FIELDS, ...LAYOUT_FIELDS];

interface EditorProps {
  readonly text: string;
  readonly catalog: Catalog | null;
  readonly error: string | null;
  readonly examples: readonly (readonly [string, string])[];
  readonly onText: (text: string) => void;
}

function FieldInput({ field, value, catalog, onValue }: { readonly field: Field; readonly value: string | null; readonly catalog: Catalog | null; readonly onValue: (v: string) => void }) {
  const id = `field-${field.path.join('-')}`;
  const disabled = value === null;
  const shown = value ?? '';
  if (field.kind.type === 'select') {
    const options = catalog === null ? [] : field.kind.options(catalog);
    return (
      <label for={id}>{field.label}
        <select id={id} value={shown} disabled={disabled} onChange={(e) => onValue(e.currentTarget.value)} title={disabled ? 'set in the YAML (an inline spec or a list)' : undefined}>
          <option value="">{disabled ? 'inline / list' : 'default'}</option>
          {shown !== '' && !options.includes(shown) ? <option value={shown}>{shown}</option> : null}
          {options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </label>
    );
  }
  return (
    <label for={id}>{field.label}
      <input id={id} type="text" inputMode="numeric" list="degree-values" value={shown} placeholder="default" disabled={disabled} autocomplete="off"
        onInput={(e) => onValue(e.currentTarget.value.trim())} />
    </label>
  );
}

async function readDropped(files: FileList | null | undefined): Promise<string | null> {
  const file = files?.[0];
  return file === undefined ? null : file.text();
}

export function Editor({ text, catalog, error, examples, onText }: EditorProps) {
  const [dragging, setDragging] = useState(false);
  const [copied, setCopied] = useState(false);
  const values = useMemo(() => readFields(text, ALL_FIELDS.map((f) => f.path)), [text]);
  const set = (field: Field, value: string): void => {
    const next = writeField(text, field.path, value);
    if (next !== null) onText(next);
  };
  const open = (files: FileList | null | undefined): void => {
    void readDropped(files).then((t) => { if (t !== null) onText(toEditorText(t)); });
  };
  const jsonText = toJsonText(text);
  const fieldset = (legend: string, fields: readonly Field[], offset: number) => (
    <fieldset class="fields">
      <legend>{legend}</legend>
      {fields.map((f, i) => <FieldInput key={f.path.join('.')} field={f} value={values[offset + i] ?? null} catalog={catalog} onValue={(v) => set(f, v)} />)}
    </fieldset>
  );
  return (
    <div class={dragging ? 'editor dragging' : 'editor'}
      onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)}
      onDrop={(e) => { e.preventDefault(); setDragging(false); open(e.dataTransfer?.files); }}>
      <datalist id="degree-values">{DEGREES.map((d) => <option key={d} value={d} />)}</datalist>
      <div class="toolbar">
        <label>example{' '}
          <select aria-label="load an example scenario" value="" onChange={(e) => { const ex = examples.find(([name]) => name === e.currentTarget.value); if (ex !== undefined) onText(ex[1]); }}>
            <option value="">choose…</option>
            {examples.map(([name]) => <option key={name} value={name}>{name}</option>)}
          </select>
        </label>
        <label class="button small">open…<input type="file" accept=".yaml,.yml,.json" class="sr-only" onChange={(e) => open(e.currentTarget.files)} /></label>
        <button type="button" class="small" onClick={() => downloadText(text, 'scenario.yaml', 'text/yaml')}>YAML</button>
        <button type="button" class="small" disabled={jsonText === null} onClick={() => { if (jsonText !== null) downloadText(jsonText, 'scenario.json', 'application/json'); }}>JSON</button>
        <a class="small" href={hashOfScenario(text)} onClick={(e) => { e.preventDefault(); void navigator.clipboard?.writeText(new URL(hashOfScenario(text), location.href).href).then(() => setCopied(true), () => undefined); }}>{copied ? 'link copied' : 'copy link'}</a>
      </div>
      {fieldset('Scenario', SCENARIO_FIELDS, 0)}
      {fieldset('Layout (auto: searched by the planner)', LAYOUT_FIELDS, SCENARIO_FIELDS.length)}
      <p class="error" data-error="" role="alert" hidden={error === null}>{error ?? ''}</p>
      <label for="yaml" class="yaml-label">Scenario YAML <span class="note">(checked against the scenario schema; drop a file here)</span></label>
      <textarea id="yaml" class="yaml" spellcheck={false} autocomplete="off" value={text} onInput={(e) => onText(e.currentTarget.value)} aria-invalid={error !== null} />
    </div>
  );
}

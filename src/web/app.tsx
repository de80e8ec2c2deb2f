/**
 * The digital twin: the scenario editor on the left, the figures and charts on the right, all
 * computed by the core in Web Workers. The scenario lives in the URL (`#scenario=…`).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PlannedLayout, ValidationReport } from '../core/index.js';
import { createCoreClient, type CoreClient } from './core-client.js';
import { Editor } from './editor.js';
import { formatBytes, formatCount, formatPercent, formatSeconds } from './format.js';
import { runPlan, type PlanHandle } from './plan-client.js';
import type { AnalysisView, Catalog, EstimateView } from './protocol.js';
import { hashOfScenario, scenarioFromHash, writeFields } from './scenario-text.js';
import { ChartWidthContext, chartWidthFor, DEFAULT_CHART_WIDTH } from './ui/chart-width.js';
import { Metric } from './ui/metric.js';
import { BottlenecksChart } from './views/bottlenecks-chart.js';
import { CompareChart } from './views/compare-chart.js';
import { DatacenterChart } from './views/datacenter-chart.js';
import { MemoryChart } from './views/memory-chart.js';
import { ParetoChart, type PlanState } from './views/pareto-chart.js';
import { PipelineChart } from './views/pipeline-chart.js';
import { PowerChart } from './views/power-chart.js';
import { RunCard } from './views/run-card.js';
import { StepChart } from './views/step-chart.js';
import { ValidateChart } from './views/validate-chart.js';
import runsUrl from '../../data/runs-dev.json?url';

const EXAMPLE_FILES = import.meta.glob<string>('../../examples/*.yaml', { query: '?raw', import: 'default', eager: true });
const EXAMPLES: readonly (readonly [string, string])[] = Object.entries(EXAMPLE_FILES).map(([path, text]) => [path.replace(/^.*\//, '').replace(/\.yaml$/, ''), text]);
const DEFAULT_EXAMPLE = 'deepseek-v3-h800';
const IDLE_PLAN: PlanState = { running: false, done: 0, total: 0, result: null, searchedAll: false, elapsedMs: 0, error: null };

function initialText(): string {
  return scenarioFromHash(location.hash) ?? EXAMPLES.find(([name]) => name === DEFAULT_EXAMPLE)?.[1] ?? EXAMPLES[0]?.[1] ?? '';
}

type Theme = 'auto' | 'light' | 'dark';

export function App() {
  const [text, setText] = useState(initialText);
  const [whatIf, setWhatIf] = useState('');
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [estimate, setEstimate] = useState<EstimateView | null>(null);
  const [analysis, setAnalysis] = useState<AnalysisView | null>(null);
  const [estimateFor, setEstimateFor] = useState(0);
  const [analysisFor, setAnalysisFor] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [validation, setValidation] = useState<{ report: ValidationReport | null; message: string | null }>({ report: null, message: null });
  const [plan, setPlan] = useState<PlanState>(IDLE_PLAN);
  const [objective, setObjective] = useState('time');
  const [theme, setTheme] = useState<Theme>('auto');
  const [chartWidth, setChartWidth] = useState(DEFAULT_CHART_WIDTH);
  const views = useRef<HTMLDivElement>(null);
  const latest = useRef(0);
  const planHandle = useRef<PlanHandle | null>(null);

  const client: CoreClient = useMemo(() => createCoreClient({
    catalog: setCatalog,
    estimate: (view, id) => { if (id === latest.current) { setEstimate(view); setEstimateFor(id); setError(null); } },
    analysis: (view, id) => { if (id === latest.current) { setAnalysis(view); setAnalysisFor(id); } },
    error: (message, id) => { if (id === latest.current) setError(message); },
    validate: (report, message) => setValidation({ report, message }),
  }), []);

  useEffect(() => {
    latest.current = client.evaluate(text, whatIf);
    if (scenarioFromHash(location.hash) !== text) history.replaceState(null, '', hashOfScenario(text));
  }, [text, whatIf, client]);
  const validationAsked = useRef(false);
  const askValidation = useMemo(() => (): void => {
    if (validationAsked.current) return;
    validationAsked.current = true;
    client.validate(new URL(runsUrl, location.href).href);
  }, [client]);
  useEffect(() => {
    const onHash = (): void => { const t = scenarioFromHash(location.hash); if (t !== null) setText(t); };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    const el = views.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => setChartWidth(chartWidthFor(el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  const startPlan = (): void => {
    planHandle.current?.cancel();
    setPlan({ ...IDLE_PLAN, running: true });
    planHandle.current = runPlan({ text, objective, top: 10 }, {
      progress: (done, total) => setPlan((p) => ({ ...p, done, total })),
      result: (result, searchedAll, elapsedMs) => setPlan({ ...IDLE_PLAN, result, searchedAll, elapsedMs }),
      error: (message) => setPlan({ ...IDLE_PLAN, error: message }),
    });
  };
  const cancelPlan = (): void => {
    planHandle.current?.cancel();
    planHandle.current = null;
    setPlan((p) => ({ ...p, running: false, error: 'search cancelled' }));
  };
  const pick = (p: PlannedLayout): void => {
    const l = p.layout;
    const fields: [string[], string][] = [
      [['cluster', 'gpus'], String(p.gpus)],
      ...(['tp', 'pp', 'vp', 'ep', 'etp', 'cp', 'dp', 'zero', 'recompute', 'microBatch', 'schedule', 'sequenceParallel'] as const).map((f): [string[], string] => [['layout', f], String(l[f])]),
      [['layout', 'fsdpShardSize'], l.zero === 3 ? String(l.fsdpShardSize) : ''],
    ];
    const next = writeFields(text, fields);
    if (next !== null) setText(next);
  };

  const e = estimate;
  const t = e?.step.throughput;
  return (
    <div class="app">
      <header class="top">
        <h1>scaleplan <span class="tagline">training runs and the data centers that house them, computed in your browser</span></h1>
        <label class="theme">theme{' '}
          <select value={theme} onChange={(ev) => setTheme(ev.currentTarget.value === 'light' ? 'light' : ev.currentTarget.value === 'dark' ? 'dark' : 'auto')}>
            <option value="auto">system</option><option value="light">light</option><option value="dark">dark</option>
          </select>
        </label>
      </header>
      <main class="layout">
        <aside class="side" aria-label="Scenario editor">
          <Editor text={text} catalog={catalog} error={error} examples={EXAMPLES} onText={setText} />
        </aside>
        <div class="views" ref={views} aria-busy={e === null} data-state={error !== null ? 'error' : e === null ? 'estimating' : analysis === null || analysisFor !== estimateFor ? 'analysing' : 'ready'}>
          <ChartWidthContext.Provider value={chartWidth}>
          {e === null || t === undefined ? <p class="note" role="status">{error === null ? 'computing…' : 'fix the scenario to see its figures'}</p> : (
            <>
              <section class={error === null ? 'headline' : 'headline stale'} aria-label="Headline figures" data-compute-ms={e.computeMs.toFixed(2)}>
                <p class="scenario-name">{`${e.scenario.name} · ${e.scenario.model} on ${formatCount(e.scenario.gpus)} ${e.scenario.accelerator}${error === null ? '' : ' (last valid scenario)'} · estimated in ${e.computeMs.toFixed(0)} ms in this browser`}</p>
                <div class="tiles">
                  <Metric name="stepSeconds" label="step time" value={e.step.time.stepSeconds} text={formatSeconds(e.step.time.stepSeconds)} />
                  <Metric name="tokensPerSecondPerGpu" label="tokens/s per GPU" value={t.tokensPerSecondPerGpu} text={formatCount(t.tokensPerSecondPerGpu)} />
                  <Metric name="mfu" label="MFU" value={t.mfu} text={formatPercent(t.mfu)} />
                  <Metric name="peakMemoryBytes" label="peak memory / GPU" value={e.memory.peakBytesPerGpu} text={formatBytes(e.memory.peakBytesPerGpu)} />
                  {analysis?.site ? <Metric name="pue" label="PUE" value={analysis.site.sizing.pue.pue} text={analysis.site.sizing.pue.pue.toFixed(2)} /> : null}
                </div>
              </section>
              <div class="grid">
                <MemoryChart memory={e.memory} headroomFraction={catalog?.headroomFraction ?? 0} />
                <StepChart step={e.step} />
                <PipelineChart step={e.step} />
                <RunCard run={e.run} />
                {analysis === null ? null : (
                  <>
                    {analysis.site === null ? <p class="error">{analysis.siteError}</p> : <><DatacenterChart site={analysis.site} /><PowerChart site={analysis.site} /></>}
                    <BottlenecksChart report={analysis.bottlenecks} whatIf={analysis.whatIf} spec={whatIf} precisions={catalog?.precisions ?? []} onSpec={setWhatIf} />
                    <CompareChart tpPp={analysis.tpPp} dpEp={analysis.dpEp} />
                  </>
                )}
                <ValidateChart report={validation.report} message={validation.message} onVisible={askValidation} />
                <ParetoChart plan={plan} objective={objective} objectives={catalog?.objectives ?? ['time']} onObjective={setObjective} onRun={startPlan} onCancel={cancelPlan} onPick={pick} />
              </div>
            </>
          )}
          </ChartWidthContext.Provider>
        </div>
      </main>
    </div>
  );
}

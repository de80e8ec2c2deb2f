/**
 * The page's side of the core worker. Every edit is sent at once with a rising id; the worker
 * drops superseded ones and the page shows only answers to its latest, so the figures follow the
 * newest text.
 */
import type { AnalysisView, Catalog, CoreRequest, CoreResponse, EstimateView } from './protocol.js';
import type { ValidationReport } from '../core/index.js';

export interface CoreListener {
  catalog(catalog: Catalog): void;
  estimate(view: EstimateView, id: number): void;
  analysis(view: AnalysisView, id: number): void;
  error(message: string, id: number): void;
  validate(report: ValidationReport | null, message: string | null): void;
}

export interface CoreClient {
  /** Queues an evaluation; returns its id. */
  evaluate(text: string, whatIf: string): number;
  validate(runsUrl: string): void;
}

export function createCoreClient(listener: CoreListener): CoreClient {
  const worker = new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module', name: 'scaleplan-core' });
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<CoreResponse>) => {
    const m = event.data;
    if (m.kind === 'catalog') listener.catalog(m.catalog);
    else if (m.kind === 'estimate') listener.estimate(m.view, m.id);
    else if (m.kind === 'analysis') listener.analysis(m.view, m.id);
    else if (m.kind === 'error') listener.error(m.message, m.id);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    listener.error(`internal error (please report): ${event.message}`, nextId - 1);
  };
  return {
    evaluate(text, whatIf) {
      const request: CoreRequest = { kind: 'evaluate', id: nextId++, text, whatIf };
      worker.postMessage(request);
      return request.id;
    },
    // The validation runs in a second worker so that edits stay fast while it computes.
    validate(runsUrl) {
      const validator = new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module', name: 'scaleplan-validate' });
      validator.onmessage = (event: MessageEvent<CoreResponse>) => {
        const m = event.data;
        if (m.kind !== 'validate') return;
        listener.validate(m.report, m.message);
        validator.terminate();
      };
      validator.postMessage({ kind: 'validate', runsUrl } satisfies CoreRequest);
    },
  };
}

/**
 * The page's side of the core worker: one evaluation in flight at a time; while it runs, only the
 * latest edit waits (older ones are dropped), so the figures follow the newest text.
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
  let inFlight: number | null = null;
  let pending: CoreRequest | null = null;
  const send = (request: CoreRequest): void => {
    if (request.kind === 'evaluate') inFlight = request.id;
    worker.postMessage(request);
  };
  const settle = (id: number): void => {
    if (id !== inFlight) return;
    inFlight = null;
    if (pending !== null) {
      const next = pending;
      pending = null;
      send(next);
    }
  };
  worker.onmessage = (event: MessageEvent<CoreResponse>) => {
    const m = event.data;
    if (m.kind === 'catalog') listener.catalog(m.catalog);
    else if (m.kind === 'estimate') listener.estimate(m.view, m.id);
    else if (m.kind === 'analysis') { listener.analysis(m.view, m.id); settle(m.id); }
    else if (m.kind === 'error') { listener.error(m.message, m.id); settle(m.id); }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    listener.error(`internal error (please report): ${event.message}`, inFlight ?? 0);
  };
  return {
    evaluate(text, whatIf) {
      const request: CoreRequest = { kind: 'evaluate', id: nextId++, text, whatIf };
      if (inFlight === null) send(request);
      else pending = request;
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

/**
 * `analyzeBottlenecks`: run the models once, derive the facts, evaluate the ordered rules, and
 * score each of the six domains.
 *
 *   score(domain) = max over applicable rules r of the domain of clamp(r.score(facts), 0, 100)
 *
 * The rule with the maximum names the bottleneck (the earliest in BOTTLENECK_RULES on a tie: the
 * more specific one); remedies are those of every fired rule, highest score first, without repeats.
 */
import type { Layout } from '../../layout/types.js';
import type { Scenario } from '../../scenario/types.js';
import { estimateForAnalysis, type AnalysisEstimates } from '../estimates.js';
import type { AnalysisOptions } from '../options.js';
import { clampScore } from '../score.js';
import { deriveBottleneckFacts } from './facts.js';
import { BOTTLENECK_RULES } from './rules.js';
import { DOMAINS, type BottleneckFacts, type BottleneckReport, type BottleneckRule, type Domain, type DomainScore, type Finding } from './types.js';

/** Score difference below which two rules tie [score points]. */
const TIE_TOLERANCE = 1e-9;

function evaluate(rule: BottleneckRule, facts: BottleneckFacts): Finding {
  return { rule: rule.id, describe: rule.describe, score: clampScore(rule.score(facts)), evidence: rule.evidence(facts), remedies: rule.remedies };
}

function scoreDomain(domain: Domain, facts: BottleneckFacts, rules: readonly BottleneckRule[]): DomainScore {
  const findings = rules.filter((r) => r.domain === domain && r.applies(facts)).map((r) => evaluate(r, facts));
  let best: Finding | undefined;
  // A later rule must beat the earlier one by more than float noise (equal formulas tie exactly in math).
  for (const f of findings) if (best === undefined || f.score > best.score + TIE_TOLERANCE) best = f;
  const remedies: string[] = [];
  const byScore = [...findings].sort((a, b) => b.score - a.score);
  for (const f of byScore) for (const r of f.remedies) if (!remedies.includes(r)) remedies.push(r);
  return {
    domain,
    score: best?.score ?? 0,
    rule: best?.rule ?? null,
    describe: best?.describe ?? 'no rule applies',
    evidence: best?.evidence ?? {},
    remedies,
    findings,
  };
}

/** Scores the six domains from facts (pure; `rules` defaults to BOTTLENECK_RULES). */
export function scoreBottlenecks(facts: BottleneckFacts, rules: readonly BottleneckRule[] = BOTTLENECK_RULES): readonly DomainScore[] {
  return DOMAINS.map((d) => scoreDomain(d, facts, rules));
}

/** The report from already-computed estimates (what-if and callers with their own estimates). */
export function reportBottlenecks(scenario: Scenario, estimates: AnalysisEstimates, options: AnalysisOptions = {}): BottleneckReport {
  const facts = deriveBottleneckFacts(scenario, estimates, options);
  const domains = scoreBottlenecks(facts);
  let worst: DomainScore | undefined;
  for (const d of domains) if (worst === undefined || d.score > worst.score) worst = d;
  return {
    domains,
    worst: worst?.domain ?? 'compute',
    stepSeconds: estimates.step.time.stepSeconds,
    mfu: estimates.step.throughput.mfu,
    tokensPerSecondPerGpu: estimates.step.throughput.tokensPerSecondPerGpu,
    memoryFits: estimates.memory.fits,
    facts,
  };
}

/**
 * Six-domain bottleneck scores of `scenario` under `layout`: compute, memory, network, power,
 * cooling, storage-reliability, each 0–100 with the rule, its evidence and the remedies.
 * @throws InputError when a model rejects the input (e.g. a precision the accelerator lacks).
 */
export function analyzeBottlenecks(scenario: Scenario, layout: Layout, options: AnalysisOptions = {}): BottleneckReport {
  return reportBottlenecks(scenario, estimateForAnalysis(scenario, layout, options), options);
}

/**
 * The size of V8's young generation while `plan` searches: held at its initial size (the
 * semi-spaces start at 1 MB and double, up to 16 MB on this machine, as objects survive) for a
 * small search, free to grow once the search has counted many layouts.
 *
 * A small search (GPT-3, Llama 3 405B, Mixtral: 16 k–84 k layouts, about 1 s) allocates many
 * short-lived objects; in a small young generation they die in memory the CPU caches still hold:
 * 10–25 % less CPU, 25–30 MB less peak memory. A large search (the DeepSeek-V3 examples, 0.55–1.3 M
 * layouts) also makes objects that live for a while: a young generation held small promotes them
 * and scavenges ten times as often (1,150 scavenges against 88 for the 32K context extension),
 * 5–15 % more CPU. So the hold ends once the search's first phase has counted
 * RELEASE_AFTER_LAYOUTS valid layouts (the planner reports progress while it counts): a large
 * search runs held only for its first 100,000 layouts, and measured back to back against a build
 * that never holds, the DeepSeek-V3 examples are level within the machine's noise (README, Speed).
 *
 * Only the growth factor is read after start-up: V8 sizes the semi-spaces (`--max-semi-space-size`)
 * when the heap is made, before any script runs. Neither setting changes a result.
 */
import { setFlagsFromString } from 'node:v8';

/** A growth factor of 1 keeps the semi-spaces at their size. */
const HELD_GROWTH_FACTOR = 1;
/** V8's own growth factor (Node 20): each growth doubles the semi-spaces. */
const V8_GROWTH_FACTOR = 2;
/** Valid layouts a search counts before the young generation may grow: above every small example's. */
const RELEASE_AFTER_LAYOUTS = 100_000;

/** Holds the young generation at its size (the binary, before `plan` loads the core). */
export function holdYoungGeneration(): void {
  setFlagsFromString(`--semi-space-growth-factor=${HELD_GROWTH_FACTOR}`);
}

/**
 * A search's progress listener, called with the valid layouts counted so far, that lets the young
 * generation grow once they reach RELEASE_AFTER_LAYOUTS (V8's default: a no-op where nothing held
 * it, as in in-process tests).
 */
export function youngGenerationRelease(): (counted: number) => void {
  let released = false;
  return (counted) => {
    if (released || counted < RELEASE_AFTER_LAYOUTS) return;
    released = true;
    setFlagsFromString(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
  };
}

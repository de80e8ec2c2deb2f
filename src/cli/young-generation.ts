/**
 * The size of V8's young generation while a command runs its model code: held at its initial size
 * (the semi-spaces start at 1 MB and double, up to 16 MB on this machine, as objects survive) for
 * the first CPU second of the process, then free to grow.
 *
 * A short command (`plan` of GPT-3, Llama 3 405B or Mixtral: about 1 s) allocates many short-lived
 * objects; in a small young generation they die in memory the CPU caches still hold: 10–20 % less
 * CPU, 25–30 MB less peak memory. A long search also makes objects that live for a while (a
 * skeleton's leaves): a young generation held small would promote them and scavenge ten times as
 * often (1,150 scavenges against 88 for the 32K context extension), 5–12 % more CPU; after its
 * first second it grows as V8 would have it. Measured back to back, alternating builds, under load
 * (README, Speed).
 *
 * Only the growth factor is read after start-up: V8 sizes the semi-spaces (`--max-semi-space-size`)
 * when the heap is made, before any script runs. Neither setting changes a result.
 */
import { setFlagsFromString } from 'node:v8';

/** A growth factor of 1 keeps the semi-spaces at their size. */
const HELD_GROWTH_FACTOR = 1;
/** V8's own growth factor (Node 20): each growth doubles the semi-spaces. */
const V8_GROWTH_FACTOR = 2;
/** The process's CPU [s] after which the young generation may grow. */
const HOLD_CPU_SECONDS = 1;

/** Holds the young generation at its size (the binary, before a command loads the core). */
export function holdYoungGeneration(): void {
  setFlagsFromString(`--semi-space-growth-factor=${HELD_GROWTH_FACTOR}`);
}

/**
 * A check to call now and then during long work (a search's progress): once the process has used
 * HOLD_CPU_SECONDS of CPU it lets the young generation grow (V8's default: a no-op where nothing
 * held it, as in-process tests).
 */
export function youngGenerationRelease(): () => void {
  let released = false;
  return () => {
    if (released) return;
    const cpu = process.cpuUsage();
    if (cpu.user + cpu.system < HOLD_CPU_SECONDS * 1e6) return;
    released = true;
    setFlagsFromString(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
  };
}

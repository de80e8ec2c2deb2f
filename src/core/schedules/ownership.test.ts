/**
 * The registry owns every schedule fact: outside `src/core/schedules/` no code compares schedule
 * ids (it asks the `Schedule` record), and the schedule, layout and scenario folders import each
 * other one way only (schedules → layout → scenario).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEDULE_IDS } from './catalog.js';

const SRC = fileURLToPath(new URL('../../', import.meta.url));
const CORE = join(SRC, 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const production = /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/\.testing\.tsx?$/.test(entry.name);
    return production ? [path] : [];
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `x === 'id'`, `'id' !== x`, `case 'id':` with any quote. */
function comparisonPattern(ids: readonly string[]): RegExp {
  const id = `['"\`](?:${ids.map(escapeRegExp).join('|')})['"\`]`;
  return new RegExp(`[!=]==?\\s*${id}|${id}\\s*[!=]==?|\\bcase\\s+${id}\\s*:`);
}

/**
 * Node of the core's import graph: the folder of `src/core` a path lies in, or the file itself
 * for a top-level file (`errors.ts`), so that the top-level index does not join every folder.
 */
function nodeOf(path: string): string {
  const inCore = relative(CORE, path);
  return inCore.includes(sep) ? (inCore.split(sep)[0] ?? '') : inCore.replace(/\.js$/, '.ts');
}

/** Nodes the production files of `node` import (outside itself). */
function importsOf(node: string): Set<string> {
  const files = node.endsWith('.ts') ? [join(CORE, node)] : sourceFiles(join(CORE, node));
  const targets = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = nodeOf(join(file, '..', match[1] ?? ''));
      if (target !== node && !target.startsWith('..')) targets.add(target);
    }
  }
  return targets;
}

/** Every node reachable from `start` by one or more imports. */
function reachable(start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...importsOf(start)];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (seen.has(node)) continue;
    seen.add(node);
    stack.push(...importsOf(node));
  }
  return seen;
}

describe('schedule facts have one owner', () => {
  it('no schedule-id comparison appears outside src/core/schedules/', () => {
    const pattern = comparisonPattern(SCHEDULE_IDS);
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (file.startsWith(join(CORE, 'schedules') + sep)) continue;
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (pattern.test(line)) offenders.push(`${relative(SRC, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders, 'ask the Schedule record (getSchedule(id).pairsChunks, …) instead').toEqual([]);
  });

  it('the comparison pattern catches ===, !== and case labels', () => {
    const pattern = comparisonPattern(['dualpipe']);
    expect(['if (s === "dualpipe")', "'dualpipe' !== s", "case 'dualpipe':"].every((line) => pattern.test(line))).toBe(true);
    expect(pattern.test("const id = 'dualpipev';")).toBe(false);
  });

  it('schedules, layout and scenario import each other one way: schedules → layout → scenario', () => {
    const folders = ['schedules', 'layout', 'scenario'];
    // No import path, through any core folder, leads from one of them back to itself.
    expect(folders.filter((folder) => reachable(folder).has(folder))).toEqual([]);
    expect(folders.filter((folder) => reachable('schedules').has(folder))).toEqual([]);
    expect(folders.filter((folder) => reachable('layout').has(folder))).toEqual(['schedules']);
  });
});

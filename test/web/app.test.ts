/**
 * End-to-end tests of the web app in a real browser: one Debian Chromium and one page for the
 * whole file, driven through the default scenario and every chart, an edit, a bad scenario, a
 * `#scenario=` link, a plan and phone width; then `scaleplan serve` itself. Screenshots land in
 * dist/screenshots/ (look at them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateScenario, isInputError, parseScenarioText } from '../../src/core/index.js';
import { ensureWebBuilt, launchChromium, ROOT, screenshot, serveApp, watch } from './browser.js';

const CHARTS = ['memory', 'step', 'pipeline', 'run', 'datacenter', 'power', 'bottlenecks', 'compare', 'validate'] as const;
const METRICS = ['stepSeconds', 'tokensPerSecondPerGpu', 'mfu', 'peakMemoryBytes', 'pue'] as const;
const DEEPSEEK = readFileSync(join(ROOT, 'examples', 'deepseek-v3-h800.yaml'), 'utf8');
const GPT3 = readFileSync(join(ROOT, 'examples', 'gpt3-175b-a100.yaml'), 'utf8');
// Generous (hang detectors, not speed limits): the browser shares the machine with the rest of the
// suite, and the machine with other work.
const WAIT = { timeout: 300_000 };
const TEST_MS = 600_000;

let browser: Browser;
let server: Server;
let url: string;
let page: Page;
let seen: ReturnType<typeof watch>;

beforeAll(async () => {
  // The build and the browser's start overlap; the server only serves files on request.
  [, browser, { server, url }] = await Promise.all([ensureWebBuilt(), launchChromium(), serveApp()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  seen = watch(page, url.replace(/\/$/, ''));
  await page.goto(url);
  await page.waitForSelector('[data-metric="stepSeconds"]', WAIT);
}, TEST_MS);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server === undefined ? done() : server.close(() => done())));
});

/** Relative difference; the page simulates every micro-batch (it draws them), the CLI's default its steady state. */
const relative = (a: number, b: number): number => Math.abs(a / b - 1);

const metricValue = (name: string): Promise<number> => page.$eval(`[data-metric="${name}"]`, (el) => Number(el.getAttribute('data-value')));

/** The one-line message the CLI prints (after `error: `) for this scenario text. */
function cliMessage(text: string): string {
  try {
    estimateScenario(parseScenarioText(text));
  } catch (error) {
    if (isInputError(error)) return error.message;
    throw error;
  }
  throw new Error('expected the scenario to be refused');
}

describe('web app', () => {
  it('the default scenario (DeepSeek-V3) loads: headline figures equal the core\'s, every chart renders, nothing leaves the origin', async () => {
    await page.waitForSelector('[data-metric="pue"]', WAIT);
    await page.locator('[data-chart="validate"]').scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-chart="validate"] svg.chart circle', WAIT);
    for (const chart of CHARTS) expect(await page.$$eval(`[data-chart="${chart}"] svg.chart *`, (els) => els.length), chart).toBeGreaterThan(3);
    for (const metric of METRICS) expect(await metricValue(metric), metric).toBeGreaterThan(0);
    const expected = estimateScenario(parseScenarioText(DEEPSEEK));
    expect(relative(await metricValue('stepSeconds'), expected.step.time.stepSeconds)).toBeLessThan(1e-9);
    expect(await metricValue('peakMemoryBytes')).toBe(expected.memory.peakBytesPerGpu);
    // The memory chart states the estimate's own fit policy: at 0 headroom, peak ≤ HBM and no second line.
    const notes = await page.$$eval('[data-chart="memory"] svg.chart text.note', (els) => els.map((el) => el.textContent));
    const headroomLines = await page.$$eval('[data-chart="memory"] svg.chart .headroom-line', (els) => els.length);
    if (expected.memory.headroomFraction === 0) {
      expect(notes).toContain('fits = peak ≤ HBM');
      expect(headroomLines).toBe(0);
    } else expect(headroomLines).toBe(1);
    expect(await page.$eval('[data-error]', (el) => el.hasAttribute('hidden'))).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'default-1280-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'default-1280-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
  }, TEST_MS);

  it('a chart exports as standalone SVG and as PNG', async () => {
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart="memory"] button[aria-label$="as SVG"]')]);
    expect(svg.suggestedFilename()).toBe('scaleplan-memory.svg');
    const text = readFileSync(await svg.path(), 'utf8');
    expect(text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toMatch(/<rect[^>]+fill="rgb\(/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart="memory"] button[aria-label$="as PNG"]')]);
    expect(png.suggestedFilename()).toBe('scaleplan-memory.png');
    expect(readFileSync(await png.path()).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(seen.errors).toEqual([]);
  }, TEST_MS);

  it('at phone width, light and dark, nothing overflows sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'default-phone-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'default-phone-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
  }, TEST_MS);

  it('editing a layout field (pp 16 → 8) updates the figures and the YAML, comments kept', async () => {
    const before = await metricValue('peakMemoryBytes');
    await page.fill('#field-layout-pp', '8');
    await page.waitForFunction((b) => Number(document.querySelector('[data-metric="peakMemoryBytes"]')?.getAttribute('data-value')) !== b, before, WAIT);
    const expected = estimateScenario(parseScenarioText(DEEPSEEK.replace(/^ {2}pp: 16/m, '  pp: 8')));
    expect(await metricValue('peakMemoryBytes')).toBe(expected.memory.peakBytesPerGpu);
    expect(await page.inputValue('#yaml')).toMatch(/^ {2}pp: 8 +# "16-way/m);
    expect(seen.errors).toEqual([]);
  }, TEST_MS);

  it('a bad scenario shows the CLI\'s one-line message in [data-error] and raises no page error', async () => {
    const bad = DEEPSEEK.replace(/^ {2}tp: 1 /m, '  tp: 3 ');
    await page.fill('#yaml', bad);
    await page.waitForSelector('[data-error]:not([hidden])', WAIT);
    expect(await page.textContent('[data-error]')).toBe(cliMessage(bad));
    const malformed = 'model: [unclosed\n';
    await page.fill('#yaml', malformed);
    await page.waitForFunction((m) => document.querySelector('[data-error]')?.textContent === m, cliMessage(malformed), WAIT);
    await screenshot(page, 'error-1280-light');
    expect(seen.errors).toEqual([]);
  }, TEST_MS);

  it('a #scenario= URL renders that scenario (GPT-3 175B on A100)', async () => {
    await page.goto(`${url}#scenario=${Buffer.from(GPT3, 'utf8').toString('base64url')}`);
    await page.waitForFunction(() => document.querySelector('.scenario-name')?.textContent?.includes('gpt3-175b') === true, undefined, WAIT);
    await page.waitForSelector('[data-error][hidden]', { ...WAIT, state: 'attached' });
    expect(relative(await metricValue('stepSeconds'), estimateScenario(parseScenarioText(GPT3)).step.time.stepSeconds)).toBeLessThan(1e-9);
    expect(await page.inputValue('#yaml')).toBe(GPT3);
  }, TEST_MS);

  it('a plan runs in a worker, the Pareto chart appears, and loading a layout from it updates the editor', async () => {
    await page.click('[data-chart="pareto"] button.primary');
    await page.waitForSelector('[data-chart="pareto"] svg.chart circle', WAIT);
    expect(await page.$$eval('[data-chart="pareto"] tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    await screenshot(page, 'plan-1280-light');
    const before = await page.inputValue('#yaml');
    await page.click('[data-chart="pareto"] svg.chart circle.s3');
    await page.waitForFunction((b) => document.querySelector('textarea')?.value !== b, before, WAIT);
    await page.waitForSelector('[data-error][hidden]', { ...WAIT, state: 'attached' });
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
  }, TEST_MS);
});

function status(port: number, path: string): Promise<number> {
  return new Promise((done, fail) => {
    request({ host: '127.0.0.1', port, path }, (res) => { res.resume(); done(res.statusCode ?? 0); }).on('error', fail).end();
  });
}

describe('scaleplan serve', () => {
  let child: ChildProcess | undefined;
  afterAll(() => { child?.kill('SIGTERM'); });

  it('prints the URL first (scenario in the hash), serves the app and refuses traversal', async () => {
    // The CLI bundle (test/global-setup.ts builds it when a source changed).
    const main = join(ROOT, 'dist', 'cli', 'main.js');
    child = spawn(process.execPath, [main, 'serve', join(ROOT, 'examples', 'gpt3-175b-a100.yaml'), '--port', '0', '--no-open'], { cwd: ROOT });
    const first = await new Promise<string>((done, fail) => {
      let out = '';
      child?.stdout?.on('data', (chunk: Buffer) => { out += chunk.toString(); if (out.includes('\n')) done(out.split('\n')[0] ?? ''); });
      child?.on('exit', (code) => fail(new Error(`serve exited with ${code}`)));
    });
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#scenario=[A-Za-z0-9_-]+$/);
    expect(Buffer.from(first.replace(/^.*#scenario=/, ''), 'base64url').toString('utf8')).toBe(GPT3);
    const port = Number(new URL(first).port);
    expect(await status(port, '/')).toBe(200);
    for (const path of ['/%2e%2e%2fpackage.json', '/..%5cpackage.json', '/%252e%252e%252fpackage.json', '/../package.json', '/assets/..%2f..%2f..%2fpackage.json']) {
      expect([400, 404], path).toContain(await status(port, path));
    }
  }, TEST_MS);
});

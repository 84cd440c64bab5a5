/**
 * End-to-end: the real server on 127.0.0.1 (random port) over the example corpus and the XSS test article,
 * driven in Debian's chromium. Loads each view, picks a dyad, filters the event table, opens an evidence
 * span, switches to an Arabic brief, and checks that article markup shows as text and runs nothing.
 * Screenshots go to test-artifacts/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { packageRoot } from '../../src/core/paths.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { defaultWebRoot } from '../../src/server/static.js';
import { corpusStore, type TestStore } from '../helpers/corpus-store.js';
import { browserMissing, launchBrowser } from './browser.js';

const ARTIFACTS = join(packageRoot(), 'test-artifacts');
const missing = browserMissing();

let fixture: TestStore;
let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const dialogs: string[] = [];

/** Save a screenshot of the whole page (or of the window only) under test-artifacts/. */
async function shot(name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

/** GET JSON from the running server. */
async function api<T = any>(path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`);
  assert.equal(res.status, 200, path);
  return (await res.json()) as T;
}

/**
 * The computed direction of an element. Functions that run in the page reach its globals through
 * `globalThis` (this program is typed without the DOM), and are passed as functions, never as strings:
 * polling a string predicate means `eval`, which the page's CSP forbids.
 */
const direction = (el: unknown): string => (globalThis as unknown as { getComputedStyle(e: unknown): { direction: string } }).getComputedStyle(el).direction;

/** The families of the web fonts the page has loaded, once its fonts are ready. */
const loadedFonts = async (): Promise<string[]> => {
  const fonts = (globalThis as any).document.fonts;
  await fonts.ready;
  return [...fonts].filter((f: any) => f.status === 'loaded').map((f: any) => f.family as string);
};

/** Open a view by its hash. */
async function open(hash: string): Promise<void> {
  await page.goto(`${server.url}/${hash}`);
}

describe('dashboard in a real browser', { skip: missing, timeout: 180_000 }, () => {
  before(async () => {
    assert.ok(existsSync(join(defaultWebRoot(), 'index.html')), 'the dashboard is built (npm run build)');
    mkdirSync(ARTIFACTS, { recursive: true });
    fixture = await corpusStore();
    server = await startServer({ db: fixture.path, port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
    await context.addInitScript('document.addEventListener("securitypolicyviolation", (e) => { (window.__csp = window.__csp || []).push(e.violatedDirective + " " + e.blockedURI); });');
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await fixture?.cleanup();
  });

  test('overview: counts, languages, timeline chart, latest events', async () => {
    await open('#/');
    const counts = page.getByTestId('counts');
    await counts.waitFor();
    assert.match(await counts.innerText(), /55\s+articles/u);
    assert.match(await page.getByTestId('languages').innerText(), /العربية[\s\S]*English[\s\S]*Русский/u);
    await page.locator('[data-testid="timeline-chart"][data-chart-ready="true"] canvas').first().waitFor();
    assert.ok(await page.getByTestId('event-table').locator('tbody tr').count() > 0);
    await shot('overview');
  });

  test('dyad explorer: choose Syria and Israel', async () => {
    await open('#/dyad');
    await page.selectOption('#dyad-a', 'SYR');
    await page.selectOption('#dyad-b', 'ISR');
    const profile = page.getByTestId('dyad-profile');
    await profile.locator('h2', { hasText: 'Israel' }).waitFor();
    assert.match(page.url(), /a=SYR&b=ISR/u);
    for (const id of ['trend-chart', 'fact-chart', 'direction-chart']) await page.locator(`[data-testid="${id}"][data-chart-ready="true"] canvas`).first().waitFor();
    assert.ok(await page.getByTestId('evidence-list').locator('li').count() > 0);
    assert.ok(await page.getByTestId('domain-table').locator('tbody tr').count() > 1);
    await shot('dyad');
  });

  test('network: signed graph, blocs, partners and adversaries of a clicked actor, the time slider', async () => {
    await open('#/network');
    const graph = page.locator('[data-testid="network-graph"][data-graph-ready="true"]');
    await graph.waitFor();
    const at = JSON.parse((await graph.getAttribute('data-node-positions')) ?? '{}') as Record<string, [number, number]>;
    assert.ok(at.SYR && at.RUS, 'Syria and Russia are drawn');
    await graph.click({ position: { x: at.SYR[0], y: at.SYR[1] } });
    await page.getByTestId('actor-panel').waitFor();
    assert.match(page.url(), /actor=SYR/u);
    assert.match(await page.getByTestId('partners').innerText(), /RUS/u);
    assert.match(await page.getByTestId('adversaries').innerText(), /ISR/u);
    assert.ok(await page.getByTestId('bloc-list').locator('li').count() >= 2);
    await shot('network');
    const slider = page.locator('#net-until');
    await slider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/until=2026-07/u);
    const july = await api('/api/network?until=2026-07');
    const expected = july.nodes.map((n: any) => n.code).sort().join(',');
    await page.waitForFunction((want) => Object.keys(JSON.parse((globalThis as any).document.querySelector('[data-testid=network-graph]')?.dataset.nodePositions ?? '{}'))
      .sort().join(',') === want, expected);
    assert.equal(await page.getByTestId('net-until-label').innerText(), '2026-07');
    await shot('network-until-july');
  });

  test('event table: filter by type and actor', async () => {
    await open('#/events');
    await page.getByTestId('event-table').waitFor();
    await page.selectOption('#f-type', 'AGREE');
    await page.waitForURL(/type=AGREE/u);
    await page.selectOption('#f-actor', 'SYR');
    await page.waitForURL(/actor=SYR/u);
    await page.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('[data-testid=event-table] tbody tr')]
      .every((tr) => tr.cells[2].textContent.startsWith('AGREE') && tr.cells[1].textContent.includes('SYR')));
    const rows = page.getByTestId('event-table').locator('tbody tr');
    const n = await rows.count();
    assert.ok(n > 0);
    const expected = await api(`/api/events?type=AGREE&actor=SYR&limit=25`);
    assert.equal(n, expected.items.length);
    for (let i = 0; i < n; i++) assert.match(await rows.nth(i).locator('td').nth(1).innerText(), /SYR/u);
    await shot('events-filtered');
  });

  test('evidence reader: the event span is highlighted in its article', async () => {
    const link = page.getByTestId('event-table').locator('.evidence-link').nth(1);
    const evidence = (await link.innerText()).trim();
    await link.click();
    const mark = page.getByTestId('evidence-mark');
    await mark.waitFor();
    assert.equal((await mark.innerText()).trim(), evidence);
    assert.ok(await mark.isVisible());
    assert.match(page.url(), /#\/article\/\d+\?event=\d+/u);
    await shot('evidence');
  });

  test('Arabic article: right-to-left, in the self-hosted Arabic font', async () => {
    const events = await api('/api/events?dyad=SYR-RUS&limit=100');
    const ar = events.items.find((e: any) => e.article.lang === 'ar');
    assert.ok(ar, 'an Arabic event');
    await open(`#/article/${ar.articleId}?event=${ar.id}`);
    const text = page.getByTestId('article-text');
    await page.getByTestId('evidence-mark').waitFor();
    assert.equal(await text.evaluate(direction), 'rtl');
    assert.equal(await page.locator('h1').evaluate(direction), 'rtl');
    const fonts = await page.evaluate(loadedFonts);
    assert.ok(fonts.some((f) => /Noto Sans Arabic/u.test(f)), `Arabic web font loaded (${fonts.join(', ')})`);
    assert.ok(await page.evaluate(() => (globalThis as any).document.fonts.check("16px 'Noto Sans Arabic Variable'", 'سوريا') as boolean));
    await shot('evidence-arabic');
  });

  test('brief: switch to Arabic, read it right to left, download it, follow a citation', async () => {
    await open('#/brief?a=SYR&b=RUS');
    const brief = page.getByTestId('brief');
    await brief.waitFor();
    assert.equal(await brief.getAttribute('dir'), 'ltr');
    assert.match(await brief.locator('h2').first().innerText(), /Syria/u);
    await page.selectOption('#brief-lang', 'ar');
    await page.waitForURL(/lang=ar/u);
    await page.locator('[data-testid="brief"][dir="rtl"][lang="ar"]').waitFor();
    assert.equal(await brief.evaluate(direction), 'rtl');
    assert.match(await brief.locator('h2').first().innerText(), /سوريا/u);
    assert.ok((await page.evaluate(loadedFonts)).some((f) => /Noto Sans Arabic/u.test(f)));
    await shot('brief-arabic', false);
    for (const [label, type, start] of [['Markdown', /^text\/markdown/u, '# '], ['HTML', /^text\/html/u, '<!DOCTYPE html>']] as const) {
      const link = page.getByTestId('brief-downloads').locator('a', { hasText: label });
      const res = await fetch(`${server.url}${(await link.getAttribute('href')) ?? ''}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', type);
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="mizan-brief-SYR-RUS-ar\./u);
      const body = await res.text();
      assert.ok(body.startsWith(start), `${label} brief`);
      if (label === 'HTML') assert.match(body, /<html lang="ar" dir="rtl">/u);
    }
    const cite = page.getByTestId('brief-citations').locator('.evidence-link').first();
    const quoted = (await cite.innerText()).trim();
    await cite.click();
    await page.getByTestId('evidence-mark').waitFor();
    assert.equal((await page.getByTestId('evidence-mark').innerText()).trim(), quoted);
  });

  test('article markup is shown as text and runs nothing', async () => {
    const hits = await api(`/api/articles?since=2026-10-30&until=2026-10-30`);
    const xss = hits.items.find((a: any) => a.title?.includes('<script>'));
    assert.ok(xss, 'the XSS test article is stored');
    const detail = await api(`/api/articles/${xss.id}`);
    await open(`#/article/${xss.id}?event=${detail.events[0].id}`);
    const text = page.getByTestId('article-text');
    await text.waitFor();
    // The article's text arrives after its frame: wait for its words before reading it whole.
    await text.getByText('alert("script")', { exact: false }).first().waitFor();
    const shown = await text.innerText();
    assert.ok(shown.includes('<script>window.__pwned = "script"; alert("script")</script>'), 'the script tag is visible text');
    assert.ok(shown.includes(`<img src=x onerror="window.__pwned = 'img'; alert('img')">`), 'the img tag is visible text');
    assert.ok((await page.locator('h1').innerText()).includes('<script>'), 'the title shows its markup');
    assert.match(await page.locator('.meta').innerText(), /<img src=x onerror=/u);
    await page.getByText('<script>window.__pwned', { exact: false }).first().waitFor();
    await open('#/events?actor=SYR&with=RUS&since=2026-10-30');
    await page.getByTestId('event-table').waitFor();
    assert.match(await page.getByTestId('event-table').innerText(), /onerror=/u);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => typeof (globalThis as any).__pwned), 'undefined', 'no injected code ran');
    assert.equal(await page.locator('main img, main script, main iframe').count(), 0);
    assert.deepEqual(dialogs, []);
    await open(`#/article/${xss.id}?event=${detail.events[0].id}`);
    await page.getByTestId('evidence-mark').waitFor();
    await shot('xss-as-text');
  });

  test('no CSP violation, page error or console error happened', async () => {
    const csp = await page.evaluate(() => ((globalThis as any).__csp ?? []) as string[]);
    assert.deepEqual(csp, []);
    assert.deepEqual(problems, []);
    assert.deepEqual(dialogs, []);
  });
});

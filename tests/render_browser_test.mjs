// The interactive page in a real browser (headless Chromium driven by playwright-core):
// renders the sample graph and a graph of hostile names to HTML, opens each with every network
// request blocked, searches, clicks an edge and a node, reads the side panel, checks that hostile
// names show as text and that no script of theirs ran, and saves screenshots.
// Run by CTest as: node SCRIPT BINARY SOURCE_DIR BUILD_DIR. Exit 77 = skipped (no Chromium).
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const [binary, sourceDir, buildDir] = process.argv.slice(2);
const chromiumPath = '/usr/bin/chromium';
if (!fs.existsSync(chromiumPath)) {
  console.log('SKIP: /usr/bin/chromium is not installed');
  process.exit(77);
}
const require = createRequire(path.join(sourceDir, 'tests/js/package.json'));
const { chromium } = require('playwright-core');

const scratch = path.join(buildDir, 'test-scratch', `render-browser-${process.pid}`);
const artifacts = path.join(buildDir, 'test-artifacts');
fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(scratch, { recursive: true });
fs.mkdirSync(artifacts, { recursive: true });

function corpgraph(...args) {
  execFileSync(binary, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

const samplesGraph = path.join(scratch, 'samples.json');
corpgraph('build', path.join(sourceDir, 'samples/relations/founding.jsonl'), '-o', samplesGraph);
const samplesPage = path.join(scratch, 'samples.html');
corpgraph('render', samplesGraph, '-o', samplesPage);
const hostilePage = path.join(scratch, 'hostile.html');
corpgraph('render', path.join(sourceDir, 'tests/data/render/hostile_graph.json'), '-o', hostilePage);

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Opens a page with the network cut off; every attempt and every dialog is recorded.
async function open(file) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const requests = [], dialogs = [], errors = [];
  const pageUrl = pathToFileURL(file).href;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pageUrl) return route.continue();
    requests.push(url);
    return route.abort();
  });
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(pageUrl);
  await page.waitForSelector('#view svg g.node');
  return { page, context, requests, dialogs, errors };
}

let failed = false;
try {
  // The sample graph: search, click an edge, read the evidence panel, click a node.
  {
    const { page, context, requests, dialogs, errors } = await open(samplesPage);
    await page.fill('#search', 'tencent');
    await page.press('#search', 'Enter');
    assert.equal((await page.textContent('#search-status')).trim(), '1 found');
    assert.equal((await page.textContent('#panel h2')).trim(), 'Tencent');
    const matched = await page.$$eval('g.node.match', (gs) => gs.map((g) => g.id));
    assert.equal(matched.length, 1, 'one node highlighted');

    // The invests-in edge Tencent -> Ubisoft, clicked on its label as a user would.
    const edgeId = await page.evaluate(() => {
      const data = JSON.parse(document.getElementById('corpgraph-data').textContent);
      const byName = new Map(data.nodes.map((n) => [n.name, n.id]));
      return data.edges.find((e) => e.source === byName.get('Tencent') &&
                                    e.target === byName.get('Ubisoft')).id;
    });
    await page.click(`#${edgeId} text`);
    const panel = await page.textContent('#panel');
    assert.match(panel, /invests-in/);
    assert.match(panel, /Tencent → Ubisoft/);
    assert.match(panel, /status: current/);
    assert.match(panel, /confidence: 0\.85/);
    assert.match(panel, /founding-article/, 'evidence names its document');

    // Filter: unticking invests-in hides that edge.
    await page.uncheck('#filter-invests-in');
    assert.equal(await page.isVisible(`#${edgeId}`), false, 'filtered edge hidden');
    await page.check('#filter-invests-in');

    // Clicking a node shows its relations.
    await page.click('g.node >> text=Apple');
    assert.equal((await page.textContent('#panel h2')).trim(), 'Apple');
    assert.equal(await page.$$eval('#panel ul.relations li', (l) => l.length), 7);

    // Zoom buttons change the view box.
    const before = await page.getAttribute('#view svg', 'viewBox');
    await page.click('#zoom-in');
    assert.notEqual(await page.getAttribute('#view svg', 'viewBox'), before);
    await page.click('#zoom-reset');

    await page.screenshot({ path: path.join(artifacts, 'render-samples.png') });
    assert.deepEqual(requests, [], 'no network request');
    assert.deepEqual(dialogs, [], 'no dialog');
    assert.deepEqual(errors, [], 'no script error');
    await context.close();
  }

  // Hostile names: shown as text, nothing executed, the javascript: URL not made a link.
  {
    const { page, context, requests, dialogs, errors } = await open(hostilePage);
    const script = '<script>alert(1)</script>';
    const svgTexts = await page.$$eval('#view svg g.node text', (ts) => ts.map((t) => t.textContent));
    assert.ok(svgTexts.includes(script), 'script name drawn as text');
    assert.ok(svgTexts.includes('Back\\slash\\N Corp\\'), 'backslashes kept');
    assert.ok(svgTexts.includes('R&amp;D <b>Bold</b>'), 'entity-like text kept');
    assert.ok(svgTexts.includes('华为技术') && svgTexts.includes('Ямал СПГ'), 'non-Latin kept');
    assert.equal(await page.$$eval('#view svg script, #view svg img, #panel script', (s) => s.length), 0);
    assert.equal(await page.evaluate(() => document.scripts.length), 2, 'only the page\'s own scripts');

    await page.fill('#search', 'yamal lng');
    await page.press('#search', 'Enter');
    assert.equal((await page.textContent('#panel h2')).trim(), 'Ямал СПГ', 'found by alias');

    const edgeId = await page.evaluate(() => {
      const data = JSON.parse(document.getElementById('corpgraph-data').textContent);
      return data.edges.find((e) => e.label === 'supplies').id;
    });
    await page.click(`#${edgeId} text`);
    const panel = await page.textContent('#panel');
    assert.ok(panel.includes('</script><script>alert(3)</script>'), 'sentence shown as text');
    assert.ok(panel.includes('Yamal & Co — supply deal'), 'document title shown');
    assert.ok(panel.includes('2026-11-24'), 'document date shown');
    assert.equal(await page.getAttribute('#panel a', 'href'), 'https://example.com/news?a=1&b=<2>');

    const acquired = await page.evaluate(() => {
      const data = JSON.parse(document.getElementById('corpgraph-data').textContent);
      return data.edges.find((e) => e.label === 'acquired').id;
    });
    await page.click('#zoom-reset');  // the search centred the view on another company
    await page.click(`#${acquired} text`);
    const hostilePanel = await page.textContent('#panel');
    assert.ok(hostilePanel.includes('Leak <script>alert(5)</script> & "news"'), 'title as text');
    assert.ok(hostilePanel.includes('status: pending'));
    assert.equal(await page.$$eval('#panel a', (a) => a.length), 0, 'javascript: URL is no link');
    assert.ok(hostilePanel.includes('<img src=x onerror=alert(2)>'), 'markup shown as text');

    await page.screenshot({ path: path.join(artifacts, 'render-hostile.png') });
    assert.deepEqual(requests, [], 'no network request');
    assert.deepEqual(dialogs, [], 'no dialog fired');
    assert.deepEqual(errors, [], 'no script error');
    await context.close();
  }
  console.log('render_browser_test: ok; screenshots in ' + artifacts);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
  if (!failed) fs.rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

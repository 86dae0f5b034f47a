// check.mjs opens the built API reference in headless Chromium, from disk
// and with the network off, and checks what a reader sees:
//
//   - the page renders, with no script error and no request leaving the
//     file (a CDN script or font would show here);
//   - every operation's summary in openapi.yaml is in the rendered text
//     (Redoc lists a tag's operations in the sidebar once the tag is
//     opened, so the check opens each tag in turn);
//   - the search box finds an operation by its summary, and choosing the
//     hit shows that operation.
//
// It writes a screenshot of the first screen next to the page.
//
//   node docs/check/check.mjs docs/api.html openapi.yaml docs/api.png
//
// $CHROMIUM names the browser (default /usr/bin/chromium).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { parse } from 'yaml';

const [htmlPath, specPath, shotPath] = process.argv.slice(2);
if (!htmlPath || !specPath || !shotPath) {
  console.error('usage: node check.mjs PAGE.html openapi.yaml SCREENSHOT.png');
  process.exit(2);
}

// The operations of the spec, with the tag Redoc files each under.
const spec = parse(readFileSync(specPath, 'utf8'));
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const ops = [];
for (const [path, item] of Object.entries(spec.paths ?? {})) {
  for (const m of methods) {
    const op = item[m];
    if (!op) continue;
    if (!op.summary) fail(`${m.toUpperCase()} ${path} has no summary`);
    ops.push({ id: op.operationId, summary: op.summary, tags: op.tags ?? [], method: m.toUpperCase(), path });
  }
}
if (ops.length === 0) fail(`${specPath} has no operations`);
const tags = (spec.tags ?? []).map((t) => t.name);

const norm = (s) => s.replace(/\s+/g, ' ').trim();
const problems = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // Root in CI has no sandbox; the rest keeps Chromium from calling home.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 800 } });
  // Belt and braces: offline mode fails network requests; routing every
  // request also records them, so a page that wants the network fails
  // here rather than silently degrading.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    problems.push(`the page asked the network for ${url}`);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));

  await page.goto(pathToFileURL(resolve(htmlPath)).href, { waitUntil: 'load' });
  try {
    // The search box is drawn by Redoc's script, not by the prerendered HTML.
    await page.getByText(/^Search/).first().waitFor({ timeout: 30000 });
  } catch (err) {
    problems.push(`Redoc did not start (no search box after 30 s): ${err.message.split('\n')[0]}`);
    report();
  }
  await page.screenshot({ path: shotPath });

  // Every summary, as rendered text: open each tag in the sidebar and
  // gather what the page shows.
  let seen = norm(await page.locator('body').innerText());
  for (const tag of tags) {
    const entry = page.locator(`[data-text="${tag.replace(/"/g, '\\"')}"]`).first();
    if ((await entry.count()) === 0) {
      problems.push(`the sidebar has no entry for tag ${tag}`);
      continue;
    }
    await entry.click();
    // Wait until the page shows the summaries of the tag's operations (or
    // 10 s): what is missing then is reported below.
    const want = ops.filter((o) => o.tags.includes(tag)).map((o) => norm(o.summary));
    await page.waitForFunction((want) => {
      const text = document.body.innerText.replace(/\s+/g, ' ');
      return want.every((s) => text.includes(s));
    }, want, { timeout: 10000, polling: 100 }).catch(() => {});
    seen += '\n' + norm(await page.locator('body').innerText());
  }
  let found = 0;
  for (const op of ops) {
    if (seen.includes(norm(op.summary))) found++;
    else problems.push(`the rendered page lacks the summary of ${op.id} (${op.method} ${op.path}): "${op.summary}"`);
  }

  // The search box finds an operation by its summary, and Enter opens it.
  await page.goto(pathToFileURL(resolve(htmlPath)).href, { waitUntil: 'load' });
  const probe = ops.find((o) => o.id === 'listEmbeddingsModels') ?? ops[ops.length - 1];
  await page.getByText(/^Search/).first().click();
  const box = page.locator('input[placeholder^="Search"]').first();
  await box.waitFor({ timeout: 10000 });
  await box.fill(probe.summary);
  const hit = page.getByText(probe.summary, { exact: true }).first();
  try {
    await hit.waitFor({ timeout: 10000 });
    await hit.click();
    await page.waitForFunction(() => location.hash.length > 1, null, { timeout: 10000 });
    const heading = page.getByRole('heading', { name: probe.summary }).first();
    await heading.waitFor({ timeout: 10000 });
  } catch (err) {
    problems.push(`searching for "${probe.summary}" did not find and open ${probe.id}: ${err.message.split('\n')[0]}`);
  }

  report();
  console.log(`check-docs: ${htmlPath} renders offline in Chromium ${browser.version()}: ` +
    `all ${found} operation summaries in the rendered text, ${tags.length} tags opened, ` +
    `search finds "${probe.summary}"; screenshot in ${shotPath}`);
} catch (err) {
  if (problems.length === 0) console.error('check-docs:', err);
  process.exitCode = 1;
} finally {
  await browser.close();
}

// report prints the problems found and, if there are any, ends the check.
function report() {
  if (problems.length === 0) return;
  for (const p of problems) console.error('check-docs: ' + p);
  process.exitCode = 1;
  throw new Error(`check-docs: ${problems.length} problems`);
}

function fail(msg) {
  console.error('check-docs: ' + msg);
  process.exit(1);
}

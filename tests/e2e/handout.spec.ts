import { test, expect, screenshot, appReady, BUILT_IN_IDS } from './fixtures';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const SCAN_LINE = 'Scan with your phone camera to open this routine in Kneadtime';

// NFKC undoes the ligatures (ﬁ, ﬀ) a PDF's text carries.
const normalise = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** What the routine page says about its steps and cautions, read the way a person sees it. */
async function routineTexts(page: Page) {
  const steps = (await page.locator('.step-item__how').allInnerTexts()).map(normalise);
  const cautions = (await page.getByRole('region', { name: /^Before you start/ }).getByRole('listitem').allInnerTexts()).map(
    normalise,
  );
  const url = await page.getByRole('textbox', { name: /^Link/ }).inputValue();
  return { steps, cautions, url };
}

/**
 * pdf.js's canvas factory under Node, which its types call only `Object`: its canvases
 * (@napi-rs/canvas) draw a sheet and give it back as a PNG.
 */
type NodeCanvasFactory = {
  create(
    width: number,
    height: number,
  ): { canvas: HTMLCanvasElement & { toBuffer(mime: 'image/png'): Buffer }; context: CanvasRenderingContext2D };
};

/** The page as Chromium prints it: the text of each sheet, and each sheet drawn as a picture. */
async function printed(page: Page, format: 'A4' | 'Letter') {
  // The margins a browser's print dialog uses by default (about 1 cm).
  const margin = '1cm';
  const pdf = await page.pdf({ format, margin: { top: margin, right: margin, bottom: margin, left: margin } });
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const sheets: { text: string; png: Buffer }[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const sheet = await document.getPage(number);
    const content = await sheet.getTextContent();
    // Items split words at ligatures; a space is only where the text has one or a line ends.
    const text = normalise(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join(''));
    const viewport = sheet.getViewport({ scale: 1 });
    const canvas = (document.canvasFactory as NodeCanvasFactory).create(viewport.width, viewport.height);
    await sheet.render({ canvasContext: canvas.context, canvas: canvas.canvas, viewport }).promise;
    sheets.push({ text, png: canvas.canvas.toBuffer('image/png') });
  }
  await document.destroy();
  return sheets;
}

test.describe('cautions on the routine page', () => {
  test('are open to read on every built-in, before the steps', async ({ page }, testInfo) => {
    for (const id of BUILT_IN_IDS) {
      await page.goto(`/routine/${id}`);
      await appReady(page);
      const cautions = page.getByRole('region', { name: /^Before you start: \d+ cautions?$/ });
      await expect(cautions).toBeVisible();
      const items = cautions.getByRole('listitem');
      expect(await items.count()).toBeGreaterThan(0);
      for (const item of await items.all()) await expect(item).toBeVisible();
      // Nothing is folded away: no disclosure left on the page.
      await expect(page.locator('details.routine-cautions')).toHaveCount(0);
      const heading = await cautions.getByRole('heading').innerText();
      expect(heading).toBe(`Before you start: ${await items.count()} caution${(await items.count()) === 1 ? '' : 's'}`);
    }
    await page.goto('/routine/piriformis-ball-release');
    await appReady(page);
    await expect(page.getByRole('region', { name: /^Before you start/ })).toContainText('lower inner buttock');
    await screenshot(page, testInfo, 'routine-cautions');
  });

  test('are open on a received link too', async ({ page, browser }, testInfo) => {
    await page.goto('/routine/hip-unwind');
    await appReady(page);
    const url = await page.getByRole('textbox', { name: /^Link/ }).inputValue();
    const client = await browser.newContext({ viewport: page.viewportSize()! });
    const received = await client.newPage();
    await received.goto(url);
    await expect(received.getByRole('heading', { level: 1 })).toHaveText('Side and front of hip unwind');
    const cautions = received.getByRole('region', { name: /^Before you start: \d+ cautions?$/ });
    await expect(cautions).toBeVisible();
    await expect(cautions).toContainText('front of the pelvis');
    await screenshot(received, testInfo, 'received-cautions');
    await client.close();
  });

  test('no side chip where side does not apply', async ({ page }) => {
    await page.goto('/routine/piriformis-ball-release');
    await appReady(page);
    const steps = page.locator('.step-item');
    // Step 1 strokes both buttocks at once: no side to show. Step 2 is played left, then right.
    await expect(steps.nth(0).locator('.chip')).toHaveText(['1 min', 'Light pressure', 'Hands']);
    await expect(steps.nth(1).locator('.chip', { hasText: 'Left, then right' })).toBeVisible();
    await expect(page.getByText('Centre / both at once')).toHaveCount(0);
  });
});

test.describe('printed handout', () => {
  test.skip(({ isMobile }) => isMobile, 'the printed page does not depend on the screen: desktop only');

  for (const id of BUILT_IN_IDS) {
    for (const format of ['A4', 'Letter'] as const) {
      test(`${id} on ${format}: cautions in full, every step whole on one sheet, the code explained`, async ({ page }, testInfo) => {
        await page.goto(`/routine/${id}`);
        await appReady(page);
        const { steps, cautions, url } = await routineTexts(page);
        const sheets = await printed(page, format);
        for (const [index, sheet] of sheets.entries()) {
          const file = path.join('tests', 'e2e', 'screenshots', `${testInfo.project.name}-print-${id}-${format}-${index + 1}.png`);
          await writeFile(file, sheet.png);
        }
        console.log(`${id} (${format}): ${sheets.length} sheet(s)`);
        expect(sheets.length, 'a handout fits on two sheets at most').toBeLessThanOrEqual(2);
        const sheetWith = (text: string) => sheets.findIndex((sheet) => sheet.text.includes(text));
        for (const caution of cautions) expect(sheetWith(caution), `caution printed: ${caution}`).toBeGreaterThanOrEqual(0);
        for (const step of steps) expect(sheetWith(step), `step printed whole on one sheet: ${step}`).toBeGreaterThanOrEqual(0);
        const scanSheet = sheetWith(SCAN_LINE);
        expect(scanSheet, 'the QR code says what to do with it').toBeGreaterThanOrEqual(0);
        expect(sheets[scanSheet].text.replace(/\s/g, ''), 'the address is printed beside the code').toContain(url);
        const all = sheets.map((sheet) => sheet.text).join(' ');
        for (const screenOnly of ['Share this routine', 'Copy link', 'Print handout', 'Start routine']) {
          expect(all, `${screenOnly} is not printed`).not.toContain(screenOnly);
        }
      });
    }
  }

  test('the print view on screen', async ({ page }, testInfo) => {
    await page.goto('/routine/evening-wind-down');
    await appReady(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByText(SCAN_LINE)).toBeVisible();
    await expect(page.getByRole('region', { name: /^Before you start/ })).toBeVisible();
    await screenshot(page, testInfo, 'print-view');
  });
});

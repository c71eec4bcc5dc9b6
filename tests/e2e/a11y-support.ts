import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * axe-core on every screen, in the light and the dark theme: WCAG 2.0–2.2 A and AA
 * (contrast, names, landmarks, headings, 24 px minimum targets and more). Zero violations.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function expectNoViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
  expect.soft(found, `axe violations on ${screen}`).toEqual([]);
}

/** Every control a finger can hit is at least 44×44 px (the app's own, stricter rule). */
async function expectLargeTargets(page: Page, screen: string) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary, label.pain-scale__option, [role=checkbox]')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        const hidden = box.width === 0 || style.visibility === 'hidden' || element.closest('.visually-hidden, [hidden], dialog:not([open])');
        // Links inside running text are exempt (WCAG 2.5.8 "inline"), as are inputs covered by their label.
        const inline = element.matches('p a, li > a:only-child') && style.display === 'inline';
        const covered = element.matches('.pain-scale__option input, .toggle input, .segmented input, .check input, .file-pick input');
        // A routine card's title link stretches over the whole card, which is the target.
        const stretched = element.matches('.routine-card h3 a');
        return !hidden && !inline && !covered && !stretched && (box.width < 44 || box.height < 44);
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? '').trim().slice(0, 30)}" ${Math.round(element.getBoundingClientRect().width)}×${Math.round(element.getBoundingClientRect().height)}`),
  );
  expect.soft(small, `targets under 44×44 px on ${screen}`).toEqual([]);
}

export async function audit(page: Page, screen: string) {
  await expectNoViolations(page, screen);
  await expectLargeTargets(page, screen);
}


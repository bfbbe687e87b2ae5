// Shared by the polish e2e tests (a11y, i18n) and mirrored by build/scripts/screenshots.mjs: visit
// every main screen through the navigation, and run axe-core in the page (injected from
// node_modules, no network).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export const MAIN_SCREENS = ['calendar', 'editor', 'captions', 'library', 'packs', 'clients', 'insights', 'settings'] as const;
export type MainScreen = (typeof MAIN_SCREENS)[number];

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Clicks the nav entry for a screen (by position, so it works in any language) and waits for its heading. */
export async function gotoScreen(page: Page, screen: MainScreen): Promise<void> {
  const nav = page.getByRole('navigation').first().getByRole('button');
  await nav.nth(MAIN_SCREENS.indexOf(screen)).click();
  await page.locator('main h1').first().waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Serious and critical axe violations on the page as it stands. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => 'axe' in window);
  // The studio's CSP refuses inline <script>, so the source goes in through the DevTools protocol
  // (page.evaluate), which the page's CSP does not govern.
  if (!has) await page.evaluate(`${AXE_SOURCE};void 0`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200), failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation and node, for a failure message a person can act on. */
export function describeViolations(where: string, violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${where}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.html}`).join('\n')}`).join('\n');
}

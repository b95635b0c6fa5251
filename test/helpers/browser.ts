// Debian's Chromium driven by playwright-core, with axe-core accessibility checks and screenshots.
import { mkdirSync } from "node:fs";
import path from "node:path";
import axe from "axe-core";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS_DIR = path.resolve(import.meta.dirname, "../e2e/screenshots");

export const MOBILE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

// WCAG 2.1 A and AA, plus axe's best practices (landmarks, one h1, heading order).
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Root needs --no-sandbox; the rest keeps Chromium from calling home on a closed network.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface PageOptions {
  locale?: string;
  timezoneId?: string;
  viewport?: { width: number; height: number };
}

/** A page in its own context (own cookies); close it with `page.context().close()`. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const viewport = options.viewport ?? DESKTOP;
  const context = await browser.newContext({
    locale: options.locale ?? "fr-FR",
    timezoneId: options.timezoneId ?? "Europe/Paris",
    viewport,
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
  });
  return context.newPage();
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page and throws listing every violation. The script is evaluated through the
 * DevTools protocol rather than added as a <script>, because the app's CSP forbids inline scripts.
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(axe.source);
  const violations: Violation[] = await page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, AXE_TAGS);
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) => `  - ${v.id} (${v.impact ?? "n/a"}): ${v.help}\n      at ${v.targets.join("\n      at ")}`,
  );
  throw new Error(`Accessibility violations on ${label} (${page.url()}):\n${lines.join("\n")}`);
}

/**
 * What sticks out sideways, as short descriptions of the outermost offending elements; empty when the page
 * fits its viewport. A page that scrolls horizontally on a phone is broken.
 */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const clips = (ancestor: Element) =>
      getComputedStyle(ancestor).overflowX !== "visible" && ancestor.getBoundingClientRect().right <= width;
    // A scrolling box (a wide table in its frame) keeps its content's overflow to itself, except what is
    // positioned against something outside it: an absolute child of a static frame escapes it.
    const clipped = (element: HTMLElement) => {
      const position = getComputedStyle(element).position;
      if (position === "fixed") return false;
      for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
        if (!clips(a)) continue;
        if (position !== "absolute") return true;
        const containingBlock = element.offsetParent;
        if (containingBlock && (containingBlock === a || a.contains(containingBlock))) return true;
      }
      return false;
    };
    // Only the right edge counts: content pushed off the left (the skip link) adds no scrollbar.
    const wide = [...document.body.querySelectorAll<HTMLElement>("*")].filter(
      (e) => e.getBoundingClientRect().right > width + 0.5 && !clipped(e),
    );
    const outermost = wide.filter((e) => !wide.some((other) => other !== e && other.contains(e)));
    const describe = (e: HTMLElement) => {
      const classes = [...e.classList].map((c) => `.${c}`).join("");
      const box = e.getBoundingClientRect();
      return `${e.tagName.toLowerCase()}${classes} (${Math.round(box.left)}–${Math.round(box.right)} px)`;
    };
    const culprits = outermost.map(describe);
    return culprits.length > 0 ? culprits : [`document is ${document.documentElement.scrollWidth} px wide`];
  });
}

/** Saves a full-page PNG to test/e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

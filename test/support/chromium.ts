import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { z } from 'zod';

/**
 * Debian's Chromium, driven by playwright-core (which downloads no browser of its own). A machine
 * without it fails the browser tests loudly, with the command that fixes it: they are never skipped.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(path = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(path)) {
    throw new Error(
      `The dashboard's browser tests need Chromium at ${path}, and it isn't there.\n` +
        'Install it with:  apt-get update && apt-get install -y chromium\n' +
        '(or set CHROMIUM_PATH to a Chromium binary). .ci/run installs it before npm test.',
    );
  }
  return chromium.launch({ executablePath: path, args: FLAGS, headless: true });
}

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's WCAG 2.1 A and AA rules (labels, contrast, names, structure) on the page as it is. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  // Run in the page, which has the DOM this program's types leave out: hence a string.
  const raw: unknown = await page.evaluate(`(async () => {
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) }));
  })()`);
  return Violations.parse(raw).map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

const Violations = z.array(z.object({ id: z.string(), help: z.string(), nodes: z.array(z.object({ target: z.array(z.string()) })) }));

/**
 * Keyboard use: pressing Tab from the top reaches every visible link, button and field (a group of
 * radio buttons is one stop, as browsers make it). Returns what Tab never reached.
 */
export async function unreachableByKeyboard(page: Page): Promise<string[]> {
  const wanted = z.array(z.string()).parse(
    await page.evaluate(`(() => {
      const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')];
      return all
        .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.disabled)
        .map((el, index) => {
          el.dataset.kbd = String(index);
          const group = el.type === 'radio' ? 'radio:' + el.name : '';
          return index + ':' + group + ':' + el.tagName.toLowerCase() + ':' + ((el.textContent || '').trim().slice(0, 30) || el.getAttribute('name') || '');
        });
    })()`),
  );
  const reached = new Set<string>();
  for (let press = 0; press < wanted.length * 2 + 5; press += 1) {
    await page.keyboard.press('Tab');
    const focused = z.string().parse(await page.evaluate(`(() => { const a = document.activeElement; return a ? (a.dataset.kbd || '') + '|' + (a.type === 'radio' ? 'radio:' + a.name : '') : '|'; })()`));
    const [kbd = '', group = ''] = focused.split('|');
    if (kbd !== '') reached.add(kbd);
    if (group !== '') for (const entry of wanted) if (entry.split(':').slice(1, 3).join(':') === group) reached.add(entry.split(':')[0] ?? '');
  }
  return wanted.filter((entry) => !reached.has(entry.split(':')[0] ?? ''));
}

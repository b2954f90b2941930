import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchChromium, unreachableByKeyboard } from '../../support/chromium.js';
import { seedRun, startDashboardBed, type DashboardBed } from './support.js';

/**
 * The dashboard in a real headless Chromium: a moderator signs in through the emulator's OAuth2,
 * builds a ritual, and finds it in `/ritual list` in Discord; a plain member is turned away. Every
 * page passes axe-core's WCAG A/AA rules and can be used with the keyboard alone.
 *
 * `npm run docs:screenshots` runs this file with DASHBOARD_SCREENSHOTS=docs/dashboard, keeping a
 * picture of each page for the README.
 */
const SCREENSHOTS = process.env['DASHBOARD_SCREENSHOTS'];

describe('the dashboard in Chromium', () => {
  let db: DashboardBed;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    db = await startDashboardBed();
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await db?.close();
  });

  /** The page passes the accessibility checks; with a name, its picture is kept for the docs. */
  async function check(page: Page, name: string): Promise<void> {
    expect(await accessibilityViolations(page), `axe on ${name}`).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
    // Keyboard use on the same address in a fresh tab, leaving this one's form as it is.
    const fresh = await page.context().newPage();
    await fresh.goto(page.url());
    expect(await unreachableByKeyboard(fresh), `Tab through ${name}`).toEqual([]);
    await fresh.close();
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(db.dashboard.url);
    await page.getByRole('link', { name: 'Sign in with Discord' }).click();
    await page.getByRole('radio', { name: `${username} @${username}` }).check();
    await page.getByRole('button', { name: 'Authorize' }).click();
    await page.getByRole('heading', { name: 'Your servers' }).waitFor();
  }

  it('signs a moderator in, builds a ritual with a live preview, and Discord lists it', { timeout: 120_000 }, async () => {
    // A moderator in Berlin, setting a ritual for New York.
    const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(db.dashboard.url);
    await check(page, 'welcome');

    await signIn(page, 'morgan');
    await check(page, 'servers');
    await page.getByRole('link', { name: 'Roots', exact: true }).click();
    await page.getByRole('heading', { name: 'Rituals' }).waitFor();

    await page.getByRole('link', { name: 'New ritual' }).click();
    await page.getByLabel('Channel').selectOption({ label: '#poems' });
    await page.getByLabel('Monday').uncheck();
    await page.getByLabel('Wednesday').check();
    await page.getByLabel('At (24-hour clock)').fill('16:30');
    await page.getByLabel('Time zone').fill('America/New_York');
    const preview = page.locator('#preview');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain('Every Wednesday at 4:30 pm, in America/New_York.');
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText).toContain('Wed 4 Mar, 4:30 pm'); // New York
    expect(previewText).toContain('Wed 4 Mar, 10:30 pm'); // Berlin, the viewer's zone
    expect(previewText).toContain('The clocks change in America/New_York on Sun 8 Mar 2026');
    await check(page, 'ritual-builder');

    await page.getByRole('button', { name: 'Create ritual' }).click();
    await page.getByText('All set! Ritual #1 will post a poem every Wednesday at 4:30 pm (America/New_York).').waitFor();
    await check(page, 'rituals');

    const list = await db.bed.harness.as(db.morgan).run(db.general, 'ritual list');
    if (list.kind !== 'message') throw new Error(`expected a message, got ${list.kind}`);
    const [field] = list.message.embeds[0]?.fields ?? [];
    expect(field?.name).toBe('Ritual #1 · Poem');
    expect(field?.value).toContain(`<#${db.poems.id}> · every Wednesday at 4:30 pm (America/New_York)`);

    await page.getByRole('link', { name: 'Edit ritual #1' }).click();
    await page.getByRole('heading', { name: 'Edit ritual #1' }).waitFor();
    await check(page, 'ritual-edit');
    await page.goto(`${db.dashboard.url}/g/${db.guild.id}/rituals`);
    await page.getByRole('button', { name: 'Post now ritual #1' }).click();
    await page.getByText("Done! It's up in #poems.").waitFor();
    await page.getByRole('link', { name: 'History of ritual #1' }).click();
    await page.getByRole('cell', { name: 'Posted', exact: true }).waitFor();
    await check(page, 'ritual-history');
    await page.getByRole('link', { name: 'Onboarding' }).click();
    await page.getByRole('heading', { name: 'How far new members get' }).waitFor();
    await check(page, 'onboarding');
    await context.close();
  });

  it('shows the Libraries, Courses and Protocols pages, each accessible and usable with the keyboard', { timeout: 300_000 }, async () => {
    await db.bed.harness.as(db.alice).run(db.general, 'course enroll', { course: 'leading-equitable-schools' });
    const run = await seedRun(db.bed.bot.db, db.guild.id, { facilitator: db.morgan.id, member: db.alice.id }, { topic: 'Monday absences', state: 'finished', step: 7, thread: '21' });
    await seedRun(db.bed.bot.db, db.guild.id, { facilitator: db.morgan.id, member: db.alice.id }, { topic: 'Quiet Fridays', state: 'running', step: 2, thread: '22' });
    const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'morgan');
    await page.goto(`${db.dashboard.url}/g/${db.guild.id}/rituals`);

    await page.getByRole('navigation', { name: 'Server pages' }).getByRole('link', { name: 'Libraries' }).click();
    await page.getByRole('heading', { name: 'Next in the rotation' }).waitFor();
    await check(page, 'libraries-poems');
    // A poem without its title: the service's sentence beside the field, nothing added.
    await page.getByLabel('Poet').fill('Emily Dickinson');
    await page.getByLabel('The poem').fill('Hope is the thing with feathers');
    await page.getByRole('button', { name: 'Add it' }).click();
    expect(await page.locator('#title-problem').textContent()).toBe("The title can't be empty");
    expect(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await check(page, 'libraries-poem-problem');
    await page.getByLabel('Title', { exact: true }).fill('Hope');
    await page.getByRole('button', { name: 'Add it' }).click();
    await page.getByText(/Added #\d+ “Hope” by Emily Dickinson/).waitFor();
    await page.getByRole('link', { name: /^Edit poem #\d+$/ }).first().click();
    await page.getByRole('heading', { name: /^Edit poem #\d+$/ }).waitFor();
    await check(page, 'library-edit');
    await page.getByRole('link', { name: 'Back to the poems' }).click();
    await page.getByRole('navigation', { name: 'Libraries' }).getByRole('link', { name: 'Podcast episodes' }).click();
    await page.getByRole('heading', { name: 'Podcast episodes' }).waitFor();
    await check(page, 'libraries-podcasts');

    await page.getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('heading', { name: 'Import a course' }).waitFor();
    await check(page, 'courses');
    await page.getByRole('link', { name: 'Leading Equitable Schools' }).click();
    await page.getByRole('cell', { name: 'alice' }).waitFor();
    await check(page, 'course-report');

    await page.getByRole('link', { name: 'Protocols' }).click();
    await page.getByRole('heading', { name: 'Finished' }).waitFor();
    await check(page, 'protocols');
    await page.getByRole('link', { name: 'Monday absences' }).click();
    await page.getByRole('heading', { name: 'Root causes we chose' }).waitFor();
    expect(page.url()).toBe(`${db.dashboard.url}/g/${db.guild.id}/protocols/${run}`);
    await check(page, 'protocol-summary');
    await context.close();
  });

  it('fails loudly, with the command that fixes it, where Chromium is missing', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow('apt-get update && apt-get install -y chromium');
  });

  it('has checks that do fail: a field without a label, a link Tab skips', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><main><input type="text"><a href="/x" tabindex="-1">skipped</a></main></body></html>');
    expect((await accessibilityViolations(page)).join('\n')).toContain('label');
    expect(await unreachableByKeyboard(page)).toEqual([expect.stringContaining('skipped')]);
    await page.close();
  });

  it('turns a plain member away kindly, and no rituals page shows', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'alice');
    expect(await page.getByRole('link', { name: 'Roots', exact: true }).count()).toBe(0);
    const answer = await page.goto(`${db.dashboard.url}/g/${db.guild.id}/rituals`);
    expect(answer?.status()).toBe(403);
    await page.getByRole('heading', { name: 'You need Manage Server' }).waitFor();
    await check(page, 'needs-manage-server');
    await context.close();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePartyProposal, sampleSplitAssignment, seedProposal132402 } from '@banli/schemas/fixtures';
import { createManualClock } from '@banli/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole } from '../server/start.mjs';
import { artefacts, expectAccessible, launchChromium, testPort } from './browserSupport.js';

let consoleServer: { url: string; close(): Promise<void> };
let browser: Browser;
let dataDir: string;
const outside: string[] = [];

async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:', 'about:'].includes(u.protocol))
      outside.push(r.url());
  });
  await page.goto(consoleServer.url.replace(/\/console\/$/, '') + path);
  return page;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'banli-console-pg-'));
  consoleServer = await startConsole({
    port: testPort(),
    dataDir,
    proposals: 24,
    seed: 7,
    clock: createManualClock('2024-04-08'),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await consoleServer?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the console in Chromium, over the real server on PGlite', () => {
  it('should list the items with filters and pages', async () => {
    const page = await open('/console/');
    await page.getByRole('table').waitFor();
    expect(await page.getByTestId('item-row').count()).toBe(20);
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByText('第 2 页').waitFor();
    expect(await page.getByTestId('item-row').count()).toBe(5);
    await page.getByLabel('承办单位').fill('zs-commerce');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.getByText('第 1 页').waitFor();
    const ids = await page.getByTestId('item-row').locator('a').allTextContents();
    expect(ids).toContain(seedProposal132402.id);
    // Units by name in the chosen language (`GET /v1/units`), not by id; the row keeps the ids as data.
    const seedUnits = page
      .getByTestId('item-row')
      .filter({ has: page.getByRole('link', { name: seedProposal132402.id, exact: true }) })
      .getByTestId('item-units');
    await expect.poll(() => seedUnits.textContent()).toContain('中山市商务局');
    expect(await seedUnits.textContent()).not.toContain('zs-commerce');
    expect((await seedUnits.getAttribute('data-units'))?.split(' ')).toContain('zs-commerce');
    await page.getByLabel('语言').selectOption('en');
    await expect.poll(() => seedUnits.textContent()).toContain('Zhongshan Municipal Bureau of Commerce');
    await page.screenshot({ path: join(artefacts, 'list.png'), fullPage: true });
    await expectAccessible(page, 'the list');
    await page.context().close();
  });

  it('should show the seed case: timeline, both charts highlighted, deadlines on the calendar, the letter', async () => {
    const page = await open(`/console/#/items/${encodeURIComponent(seedProposal132402.id)}`);
    await page.getByTestId('timeline').locator('li').first().waitFor();
    const steps = await page.getByTestId('timeline').locator('li').allTextContents();
    expect(steps.some((s) => s.includes('2023-02-20') && s.includes('proposal.submit'))).toBe(true);
    expect(steps.some((s) => s.includes('proposal.archive'))).toBe(true);
    await page.locator('.chart svg').first().waitFor({ timeout: 60_000 });
    // The proposal's chart and one per case.
    await expect.poll(() => page.locator('.chart svg').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    // The current state is drawn with the `current` class.
    expect(await page.locator('.chart svg .current').count()).toBeGreaterThan(0);
    // …and the states it passed through are outlined (the path taken).
    expect(await page.locator('.chart svg .visited').count()).toBeGreaterThan(2);
    const calendar = page.getByTestId('calendar');
    await calendar.waitFor();
    const due = calendar.locator('button.due').first();
    await due.click();
    await expect.poll(() => page.getByTestId('explanation').textContent()).toMatch(/\S/);
    const letter = await page.getByTestId('letter').getAttribute('srcdoc');
    expect(letter).toContain('中山市');
    await page.screenshot({ path: join(artefacts, 'item-seed.png'), fullPage: true });
    // axe is run on the console around the letter, not inside its sandboxed srcdoc frame: injecting axe into that
    // frame hung the test past its ceiling in 2 of 3 CI runs (the letter's HTML is the SDK renderer's, tested there).
    await page.getByTestId('letter').evaluate((frame) => frame.remove());
    await expectAccessible(page, 'an item');
    await page.context().close();
  });

  it('should show holidays and 调休 days on the calendar month', async () => {
    const page = await open(`/console/#/items/${encodeURIComponent(seedProposal132402.id)}`);
    const calendar = page.getByTestId('calendar');
    await calendar.waitFor();
    // Walk to 2023-06 (端午: 06-22–24 off, 06-25 worked).
    for (let i = 0; i < 24 && (await page.getByTestId('month').textContent()) !== '2023-06'; i++) {
      const shown = (await page.getByTestId('month').textContent()) ?? '';
      await page.getByRole('button', { name: shown > '2023-06' ? '上个月' : '下个月' }).click();
    }
    expect(await page.getByTestId('month').textContent()).toBe('2023-06');
    await expect.poll(() => calendar.locator('td[data-date="2023-06-22"]').getAttribute('class')).toContain('holiday');
    expect(await calendar.locator('td[data-date="2023-06-25"]').getAttribute('class')).toContain('makeup');
    await page.screenshot({ path: join(artefacts, 'calendar-2023-06.png') });
    await page.context().close();
  });

  it('should act as each role with the forms `can` offers, showing refusals inline', async () => {
    const http = (path: string, body: unknown, actor: string) =>
      fetch(consoleServer.url.replace(/\/console\/$/, '') + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-banli-actor': actor },
        body: JSON.stringify(body),
      });
    const submitted = await http(
      '/v1/proposals',
      { proposal: samplePartyProposal, at: '2024-04-01' },
      'proposer:party-sample',
    );
    expect(submitted.status).toBe(201);
    const page = await open(`/console/#/items/${encodeURIComponent(samplePartyProposal.id)}`);
    const send = async (type: string) => {
      const form = page.locator(`form[data-command="${type}"]`).first();
      await form.waitFor();
      await form.getByRole('button', { name: '发送' }).click();
      await expect
        .poll(
          async () =>
            `${await page.getByTestId('sent').textContent()} ${await form.getByRole('alert').allTextContents()}`,
        )
        .toContain(`已发送：${type}`);
    };
    await send('review.start');
    // A key item needs its supervising leader: the machine refuses without one, and the refusal is shown in the form.
    const register = page.locator('form[data-command="review.register"]');
    await register.getByRole('button', { name: '发送' }).click();
    await expect.poll(() => register.getByRole('alert').textContent()).toMatch(/\S/);
    await register.locator('[name="supervisingLeader"]').fill('示例副市长');
    await send('review.register');
    expect(await page.locator('form[data-command="review.start"]').count()).toBe(0);
    // The assigning office: an empty assignment is refused, and the schema's message is shown by the field.
    await page.getByLabel('角色').selectOption('assigningOffice');
    await page.getByLabel('操作者标识').fill('gov-office');
    await page.getByLabel('所属单位').fill(sampleSplitAssignment.assigningOffice.id);
    const assign = page.locator('form[data-command="assignment.assign"]');
    await assign.waitFor();
    await assign.locator('textarea[name="assignment"]').fill('{}');
    await assign.getByRole('button', { name: '发送' }).click();
    await assign.locator('.error').first().waitFor();
    expect(await assign.getByRole('alert').textContent()).toMatch(/\S/);
    await assign.locator('textarea[name="assignment"]').fill(JSON.stringify(sampleSplitAssignment));
    await assign.getByRole('button', { name: '发送' }).click();
    await expect.poll(() => page.getByTestId('sent').textContent()).toContain('assignment.assign');
    // The lead unit of one split case accepts it.
    const unit = sampleSplitAssignment.splitUnits?.[0]?.id as string;
    await page.getByLabel('角色').selectOption('leadUnit');
    await page.getByLabel('操作者标识').fill('clerk');
    await page.getByLabel('所属单位').fill(unit);
    await send('case.accept');
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('case.accept');
    await page.screenshot({ path: join(artefacts, 'item-acting.png'), fullPage: true });
    await expectAccessible(page, 'acting on an item');
    await page.context().close();
  });

  it('should switch to English and run a seeded simulation with its chart', async () => {
    const page = await open('/console/#/simulation');
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { name: 'Simulation' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Items').fill('20');
    const simulated = page.waitForResponse((r) => r.url().endsWith('/v1/simulations'), { timeout: 60_000 });
    await page.getByRole('button', { name: 'Run the simulation' }).click();
    const result = (await (await simulated).json()) as { statistics: { units: { unitId: string }[] } };
    await page.getByTestId('unit-chart').waitFor({ timeout: 60_000 });
    const chart = page.getByTestId('unit-chart');
    expect(await chart.locator('rect').count()).toBeGreaterThan(0);
    // Units by name in English, as the server names them (`GET /v1/units`); the id only for a unit it cannot name.
    const ids = result.statistics.units.map((u) => u.unitId);
    const known = (await (
      await fetch(`${consoleServer.url.replace(/\/console\/$/, '')}/v1/units?ids=${ids.join(',')}`, {
        headers: { 'x-banli-actor': 'committee:c1' },
      })
    ).json()) as { items: { id: string; name: string; label?: { en: string } }[] };
    expect(known.items.length).toBeGreaterThan(0);
    const expected = ids.map((id) => {
      const unit = known.items.find((u) => u.id === id);
      return unit ? (unit.label?.en ?? unit.name) : id;
    });
    await expect.poll(() => chart.locator('text[data-unit-name]').allTextContents()).toEqual(expected);
    expect(expected.filter((name) => ids.includes(name))).toHaveLength(ids.length - known.items.length);
    await page.screenshot({ path: join(artefacts, 'simulation.png'), fullPage: true });
    await expectAccessible(page, 'the simulation');
    await page.context().close();
  });

  it('should render the API reference with nothing fetched from outside this machine', async () => {
    const page = await open('/reference');
    await page.waitForFunction(() => (document.body.textContent ?? '').includes('banli'), undefined, {
      timeout: 60_000,
    });
    await page.screenshot({ path: join(artefacts, 'reference.png') });
    await page.context().close();
    expect(outside).toEqual([]);
  });
});

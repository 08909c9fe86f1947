import type { Locator, Page } from 'playwright-core';

/** The record kinds of GET /api/procedures, as far as a browser test needs them. */
export type CatalogKind = {
  id: string;
  name: string;
  partySignature: 'required' | 'optional' | 'none';
  approvalSteps: unknown[];
  fields: {
    name: string;
    label: string;
    type: 'text' | 'textarea' | 'date' | 'datetime' | 'select' | 'multiselect' | 'boolean' | 'integer' | 'money';
    isRequired: boolean;
    maxLength?: number;
    options?: { value: string; label: string }[];
  }[];
};

const pad = (n: number) => String(n).padStart(2, '0');

/** China wall time `minutesAgo` before now, as the date pickers take it: `YYYY-MM-DD HH:mm`. */
export const chinaTimeAgo = (minutesAgo: number): string => {
  const d = new Date(Date.now() - minutesAgo * 60_000 + 8 * 3_600_000);

  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

export const loadRecordKinds = async (page: Page, base: string): Promise<CatalogKind[]> => {
  const response = await page.request.get(`${base}/api/procedures`);

  return ((await response.json()) as { recordKinds: CatalogKind[] }).recordKinds;
};

const openDropdown = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/** Picks an antd Select option by its visible text, and waits until its list has closed again. */
export const pick = async (page: Page, select: Locator, option: string, isMultiple = false) => {
  // A list still fading out from the previous pick would take this click.
  await page.locator(openDropdown).first().waitFor({ state: 'hidden' });
  await select.click();
  const item = page
    .locator(`${openDropdown} .ant-select-item-option`, {
      // From the start: 受理 must not pick 不予受理; an officer's option also shows the credential.
      hasText: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    })
    .first();
  await item.click();
  if (isMultiple) {
    // A click landing while the list still animates open is lost on a busy machine: check the option took it.
    for (let attempt = 1; !(await item.getAttribute('class'))?.includes('ant-select-item-option-selected'); attempt++) {
      if (attempt === 3) throw new Error(`option ${option} was not selected`);
      await page.waitForTimeout(300);
      if (!(await item.getAttribute('class'))?.includes('ant-select-item-option-selected')) await item.click();
    }
    // A multiple select stays open for more; Escape closes the list, not the drawer around it.
    await page.keyboard.press('Escape');
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator(openDropdown).first().waitFor({ state: 'hidden', timeout: 3000 });

      return;
    } catch (error) {
      // A click landing while the list still animates open is lost on a busy machine; a single select takes it again.
      if (isMultiple || attempt === 3) throw error;
      await item.click();
    }
  }
};

/**
 * Fills a record form as an officer would: every required field that is shown, with plausible content; `overrides`
 * gives a field's text or an option's label by field name. Fields hidden by the form's own conditions are skipped.
 */
export const fillRecordForm = async (page: Page, kind: CatalogKind, overrides: Record<string, string> = {}) => {
  const drawer = page.getByRole('dialog', { name: `制作${kind.name}` });
  let minutesAgo = 90;
  for (const field of kind.fields) {
    const input = drawer.locator(`#record-${kind.id}_content_${field.name}`);
    if ((await input.count()) === 0) continue;
    const given = overrides[field.name];
    if ((!field.isRequired || field.type === 'boolean') && given === undefined) continue;
    switch (field.type) {
      case 'text':
        await input.fill(given ?? `${field.label}示例`.slice(0, field.maxLength ?? 100));
        break;
      case 'textarea':
        await input.fill(given ?? `${field.label}：经查，情况属实。`);
        break;
      case 'date':
      case 'datetime':
        await input.click();
        await input.fill(
          given ?? (field.type === 'date' ? chinaTimeAgo(0).slice(0, 10) : chinaTimeAgo((minutesAgo -= 5))),
        );
        await input.press('Enter');
        break;
      case 'select':
        await pick(page, input, given ?? field.options![0]!.label);
        break;
      case 'multiselect':
        // Every option unless the test names some (labels joined by 、).
        for (const option of field.options!) {
          if (given !== undefined && !given.split('、').includes(option.label)) continue;
          await input.getByRole('checkbox', { name: option.label, exact: true }).check();
        }
        break;
      case 'boolean':
        // A switch starts off; only what the test says was done is switched on (重大案件 changes the procedure).
        if (given === 'true') await input.click();
        break;
      case 'integer':
        await input.fill(given ?? '15');
        break;
      case 'money':
        await input.fill(given ?? '5000');
        break;
    }
  }
};

/** Opens 制作<kind>, fills it, signs for the party when the kind asks, saves, and waits for the confirmation. */
export const makeRecord = async (
  page: Page,
  kind: CatalogKind,
  options: { overrides?: Record<string, string>; secondOfficer?: string } = {},
) => {
  await page.getByRole('button', { name: `制作${kind.name}` }).click();
  const drawer = page.getByRole('dialog', { name: `制作${kind.name}` });
  await drawer.getByLabel('记录时间').waitFor();
  if (options.secondOfficer) {
    await pick(page, drawer.getByLabel('执法人员', { exact: true }), options.secondOfficer, true);
  }
  // ORG-3: each officer present shows the credential, and the record says so.
  for (const box of await drawer.getByRole('checkbox', { name: /已出示执法证件$/ }).all()) await box.check();
  await fillRecordForm(page, kind, options.overrides);
  if (kind.partySignature === 'required') await drawer.getByLabel('已签名', { exact: true }).check();
  const avReason = drawer.getByLabel('音像记录书面说明');
  if (await avReason.count()) await avReason.fill('执法记录仪 ZF-03 全程录制，文件由证据模块上传');
  await page.getByRole('button', { name: '保存记录' }).click();
  const saved = page.locator('.ant-message').getByText(`${kind.name}已保存`);
  const refused = page.getByTestId('record-form-error');
  // The form's own checks stop it before the server; either way, say which fields were refused.
  const fieldError = drawer.locator('.ant-form-item-explain-error');
  await saved.or(refused).or(fieldError).first().waitFor({ timeout: 15_000 });
  if (!(await saved.isVisible())) {
    const fieldErrors = await Promise.all(
      (await fieldError.all()).map(async (e) =>
        e.evaluate(
          (el) => `${el.closest('.ant-form-item')?.querySelector('label')?.textContent ?? ''}: ${el.textContent}`,
        ),
      ),
    );
    const summary = (await refused.isVisible()) ? await refused.innerText() : 'form check';
    throw new Error(`${kind.id} refused: ${summary} | ${fieldErrors.join(' / ')}`);
  }
  await drawer.waitFor({ state: 'hidden' });
};

/** Each approver opens the case and decides every step that waits for them, in the order of the chain. */
export const approveWaiting = async (pages: Page[], caseUrl: string) => {
  for (const page of pages) {
    await page.goto(caseUrl);
    await page.getByTestId('stage-stepper').waitFor();
    const waiting = page.getByTestId('record-row').filter({ hasText: '待您审批' });
    while ((await waiting.count()) > 0) {
      await waiting.first().getByRole('button', { name: '详情' }).click();
      const form = page.getByTestId('approval-form');
      await form.waitFor();
      await form.getByLabel('审批意见').fill('同意。');
      await form.getByRole('button', { name: '同意', exact: true }).click();
      await form.waitFor({ state: 'detached', timeout: 15_000 });
      await page.keyboard.press('Escape');
      await page.getByTestId('record-detail').waitFor({ state: 'hidden' });
    }
  }
};

/** Clicks a transition, confirms it, and waits for the stepper to show the new stage. */
export const advance = async (page: Page, to: string) => {
  const stepper = page.getByTestId('stage-stepper');
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId(`transition-${to}`).click();
    await page.getByRole('button', { name: '确认', exact: true }).click();
    try {
      await page.locator(`[data-testid="stage-stepper"][data-current="${to}"]`).waitFor({ timeout: 15_000 });

      return;
    } catch (error) {
      // On a busy machine a click on the confirmation as it animates in can be lost: read the case again, and try
      // once more only if the stage really did not change (a second change would be refused by the server).
      if (attempt === 2) throw error;
      await page.reload();
      await stepper.waitFor();
      if ((await stepper.getAttribute('data-current')) === to) return;
    }
  }
};

/** Opens the detail drawer of the current stage's record of this kind (the newest one when there are several). */
export const openRecordDetail = async (page: Page, kindName: string) => {
  await page
    .getByTestId('record-row')
    .filter({ hasText: kindName })
    .last()
    .getByRole('button', { name: '详情' })
    .click();
  await page.getByTestId('record-detail').waitFor();
};

/** Closes the record drawer and waits for it to go. */
export const closeRecordDetail = async (page: Page) => {
  await page.keyboard.press('Escape');
  await page.getByTestId('record-detail').waitFor({ state: 'hidden' });
};

/**
 * DOC-4: signs the open record: an officer electronically as themselves, anyone else by drawing on the pad with the
 * mouse as on a tablet. `from` is the button that opens the dialog (the drawer's 签名, or a proof checklist's).
 */
export const signOpenRecord = async (page: Page, options: { role: string; name?: string; from?: Locator }) => {
  await (
    options.from ?? page.getByTestId('record-documents').getByRole('button', { name: '签名', exact: true }).first()
  ).click();
  const dialog = page.getByRole('dialog', { name: /上签名$/ });
  await dialog.waitFor();
  await pick(page, dialog.locator('#role'), options.role);
  if (!options.name) await dialog.getByText('电子签名（本人）', { exact: true }).click();
  else {
    await dialog.getByText('平板手写', { exact: true }).click();
    await dialog.getByLabel('签名人姓名').fill(options.name);
    const pad = dialog.getByTestId('signature-pad');
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + box.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(box.x + 30 + i * 25, box.y + box.height * (0.6 + 0.25 * Math.sin(i)), { steps: 3 });
    }
    await page.mouse.up();
  }
  await dialog.getByRole('button', { name: '确认签名' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
};

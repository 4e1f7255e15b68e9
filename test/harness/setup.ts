import type { Page } from 'playwright-core';
import type { DemoDataSet } from '../../lib/demo';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { sandboxDemoDataset } from '../sandbox-crm/demo-dataset';
import { startSandboxCrm, type SandboxCrm } from '../sandbox-crm/server';
import type { SandboxFaults } from '../sandbox-crm/api';

export type E2eWorld = { crm: SandboxCrm; demo: DemoDataSet; browser: ExtensionBrowser; timeZone: string; close: () => Promise<void> };

/**
 * The world of an end-to-end test: the sandbox CRM with the demo data on
 * loopback, and real Chromium with the built extension (`npm run build:test`).
 */
export async function startWorld(
  options: { timeZone?: string; locale?: string; scale?: number; faults?: SandboxFaults; userDataDir?: string } = {},
): Promise<E2eWorld> {
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  const { crm, demo } = await startDemoCrm({ timeZone, scale: options.scale, faults: options.faults });
  const browser = await launchWithExtension({ timeZone, locale: options.locale, userDataDir: options.userDataDir });
  return {
    crm,
    demo,
    browser,
    timeZone,
    close: async () => {
      await browser.close();
      await crm.close();
    },
  };
}

/** The sandbox CRM on loopback, serving the demo data generated for now in `timeZone` (any browser). */
export async function startDemoCrm(options: { timeZone: string; scale?: number; faults?: SandboxFaults }): Promise<{ crm: SandboxCrm; demo: DemoDataSet }> {
  let demo: DemoDataSet | undefined;
  const crm = await startSandboxCrm({
    faults: options.faults,
    dataset: (url) => {
      const built = sandboxDemoDataset(url, Date.now(), { timeZone: options.timeZone, scale: options.scale });
      demo = built.demo;
      return built.dataset;
    },
  });
  return { crm, demo: demo! };
}

export async function openCrmPage(world: E2eWorld, path = '/deals'): Promise<Page> {
  const page = await world.browser.context.newPage();
  await page.goto(`${world.crm.url}${path}`);
  return page;
}

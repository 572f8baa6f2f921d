// Debian's Chromium driven by playwright-core (no browser download: the network is closed).
// Shared by the browser tests (scripts/e2e.ts) and the Marketplace screenshots.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

import { chromium } from 'playwright-core'
import type { Browser, Frame, Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Runs scripts/ensureChromium.sh when Chromium is missing (it installs it and says so). */
export function ensureChromium(repoRoot: string): void {
  if (existsSync(CHROMIUM_PATH)) return
  const result = spawnSync('bash', [path.join(repoRoot, 'scripts', 'ensureChromium.sh')], {
    stdio: 'inherit',
  })
  if (result.status !== 0 || !existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH} and could not be installed`)
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Console errors and uncaught exceptions of a page and all its frames. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(`console.error in ${message.location().url || page.url()}: ${message.text()}`)
    }
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  return errors
}

/**
 * The frame of the app's `location` iframe in the workspace page (waits for the iframe).
 *
 * @example
 * const sidebar = await locationFrame(page, 'ticket_sidebar')
 * await sidebar.getByTestId('priority-score').waitFor()
 */
export async function locationFrame(
  page: Page,
  location: string,
  state: 'attached' | 'visible' = 'attached',
): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe[data-location="${location}"]`, { state })
  const frame = await handle.contentFrame()
  if (!frame) throw new Error(`the ${location} iframe has no frame`)
  return frame
}

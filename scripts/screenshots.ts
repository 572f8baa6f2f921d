// `npm run screenshots`: renders the Marketplace screenshots assets/screenshot-0.png … -2.png
// (1024×768) from the local agent workspace on the demo account, in Debian's Chromium.
// 0: a Gold customer's ticket with the sidebar (score, reasons, tier, value, SLA) · 1: the team
// dashboard (team lead) with the demo account's figures, after an admin's browser has synced it
// (one browser profile for all shots, so the synced store is shared) · 2: the dashboard as an agent
// without KPI rights. Builds the app first (--no-build skips it); default settings only.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import type { BrowserContext } from 'playwright-core'

import { DEMO_ACCOUNT, startWorkspace } from '../sim/workspace/server'
import { ensureChromium, launchChromium, locationFrame } from '../tests/e2e/browser'
import { DEMO_TICKETS } from '../tests/e2e/sidebar.e2e'

type Shot = {
  file: string
  path: string
  ready: string
  location: string
  /** Taken once an admin's background has synced the account (the dashboard with its figures). */
  afterSync?: boolean
}

const SHOTS: Shot[] = [
  {
    // A demo VIP ticket: the sidebar with its score, reasons, tier, retention value and SLA.
    file: 'screenshot-0.png',
    path: `/?ticket=${DEMO_TICKETS.gold}&role=agent`,
    ready: 'priority-score',
    location: 'ticket_sidebar',
  },
  {
    file: 'screenshot-1.png',
    path: '/?nav=1&role=lead',
    // The first KPI card: the dashboard has its report (charts render with it).
    ready: '[data-kpi="tickets.created"]',
    location: 'nav_bar',
    afterSync: true,
  },
  {
    file: 'screenshot-2.png',
    path: '/?nav=1&role=agent',
    ready: 'Signed in as',
    location: 'nav_bar',
  },
]

/** Hides what is only there for developers (the protocol log, toasts). */
const CLEAN_CSS = '.protocol-log, .toasts { display: none !important; }'

/** How long the admin's first sync of the demo account may take on a slow machine. */
const SYNC_TIMEOUT_MS = 5 * 60_000

/** Opens the dashboard as an admin, whose background runs the sync, until it is caught up. */
async function syncAccount(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage()
  try {
    await page.goto(`${url}/?nav=1&role=admin`)
    const frame = await locationFrame(page, 'nav_bar', 'visible')
    await frame.locator('[data-sync="synced"]').waitFor({ timeout: SYNC_TIMEOUT_MS })
    console.log('  synced the demo account')
  } finally {
    await page.close()
  }
}

async function shoot(context: BrowserContext, url: string, shot: Shot, out: string): Promise<void> {
  const page = await context.newPage()
  try {
    page.setDefaultTimeout(30_000)
    await page.goto(`${url}${shot.path}`)
    await page.addStyleTag({ content: CLEAN_CSS })
    const frame = await locationFrame(page, shot.location, 'visible')
    if (shot.ready === 'priority-score') {
      await frame.getByTestId('priority-score').waitFor()
      // the score is provisional until the requester's history is in
      await frame.getByTestId('provisional').waitFor({ state: 'detached' })
    } else if (shot.ready.startsWith('[')) await frame.locator(shot.ready).first().waitFor()
    else await frame.getByText(shot.ready).first().waitFor()
    // Let the app's resize and fonts settle.
    await page.waitForTimeout(500)
    await page.screenshot({ path: path.join(out, shot.file), type: 'png' })
    console.log(`  wrote assets/${shot.file}`)
  } finally {
    await page.close()
  }
}

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..')
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('npm run build failed')
  }
  ensureChromium(repoRoot)
  const tmp = path.join(repoRoot, 'tmp', 'screenshots')
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  const workspace = await startWorkspace({
    repoRoot,
    port: 0,
    ...DEMO_ACCOUNT,
    // Screenshots show the defaults, whatever the developer's preview.settings.json says.
    settingsFile: path.join(tmp, 'preview.settings.json'),
  })
  try {
    const browser = await launchChromium()
    try {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } })
      let synced = false
      for (const shot of SHOTS) {
        if (shot.afterSync === true && !synced) {
          await syncAccount(context, workspace.url)
          synced = true
        }
        await shoot(context, workspace.url, shot, path.join(repoRoot, 'assets'))
      }
    } finally {
      await browser.close()
    }
  } finally {
    await workspace.close()
  }
}

main().catch((err: unknown) => {
  console.error(`screenshots: ${(err as Error).message}`)
  process.exit(1)
})

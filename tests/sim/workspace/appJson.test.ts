import { installedApp } from '@sim/workspace/appJson'
import type { ZcliAppJson } from '@sim/workspace/zcli'

const appJson: ZcliAppJson = {
  apps: [
    {
      id: '0',
      name: 'Retention Radar',
      asset_url_prefix: 'http://localhost:4567/0/assets/',
      version: '0.1.0',
      locations: {
        support: {
          ticket_sidebar: { url: 'assets/ticket_sidebar.html', flexible: true },
          nav_bar: { url: 'assets/nav_bar.html', svg: 'icon_nav_bar.svg' },
          background: { url: 'https://localhost:3000/bg.html' },
        },
      },
    },
  ],
  installations: [
    {
      app_id: '0',
      id: 1,
      name: 'Retention Radar',
      settings: [{ title: 'Retention Radar' }, { kpiRoles: 'admin' }, { weightValue: 30 }],
    },
  ],
}

describe('installedApp', () => {
  it("serves each location's page and icon from the apps origin, under zcli's asset path", () => {
    const app = installedApp(appJson, 'http://127.0.0.1:9000')
    expect(app.locations).toEqual([
      {
        name: 'ticket_sidebar',
        url: 'http://127.0.0.1:9000/0/assets/ticket_sidebar.html',
        icon: null,
        flexible: true,
        autoLoad: true,
      },
      {
        name: 'nav_bar',
        url: 'http://127.0.0.1:9000/0/assets/nav_bar.html',
        icon: 'http://127.0.0.1:9000/0/assets/icon_nav_bar.svg',
        flexible: true,
        autoLoad: true,
      },
      {
        name: 'background',
        url: 'https://localhost:3000/bg.html',
        icon: null,
        flexible: true,
        autoLoad: true,
      },
    ])
  })

  it("flattens the installation's settings, without zcli's title entry", () => {
    const app = installedApp(appJson, 'http://127.0.0.1:9000')
    expect(app.settings).toEqual({ kpiRoles: 'admin', weightValue: 30 })
    expect(app).toMatchObject({ appId: 0, installationId: 1, version: '0.1.0' })
  })

  it('fails when zcli lists no app', () => {
    expect(() => installedApp({ apps: [], installations: [] }, 'http://x')).toThrow(
      'zcli /app.json lists no app',
    )
  })
})

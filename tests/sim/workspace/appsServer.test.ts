import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { startAppsServer } from '@sim/workspace/appsServer'
import { CDN_SDK_URL, LOCAL_SDK_PATH } from '@sim/workspace/sdkBundle'

describe('startAppsServer', () => {
  let upstream: http.Server
  let upstreamUrl = ''

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      if (req.url === '/0/assets/page.html') {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'access-control-allow-origin': '*',
        })
        res.end(`<script src="${CDN_SDK_URL}"></script><p>app</p>`)
      } else if (req.url === '/0/assets/app.js') {
        res.writeHead(200, { 'content-type': 'application/javascript' })
        res.end(`// ${CDN_SDK_URL} stays in scripts`)
      } else {
        res.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' })
        res.end('Cannot GET')
      }
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise<void>((resolve) => upstream.close(() => resolve()))
  })

  it('rewrites the CDN SDK script in HTML pages only and serves the npm SDK there', async () => {
    const apps = await startAppsServer({ upstream: upstreamUrl })
    try {
      const page = await fetch(`${apps.url}/0/assets/page.html`)
      expect(page.status).toBe(200)
      expect(page.headers.get('access-control-allow-origin')).toBe('*')
      expect(await page.text()).toBe(`<script src="${LOCAL_SDK_PATH}"></script><p>app</p>`)
      const script = await fetch(`${apps.url}/0/assets/app.js`)
      expect(await script.text()).toContain(CDN_SDK_URL)
      const sdk = await fetch(`${apps.url}${LOCAL_SDK_PATH}`)
      expect(sdk.headers.get('content-type')).toMatch(/javascript/)
      expect(await sdk.text()).toContain('window["ZAFClient"]')
    } finally {
      await apps.close()
    }
  })

  it("passes zcli's errors through and refuses writes", async () => {
    const apps = await startAppsServer({ upstream: upstreamUrl })
    try {
      const missing = await fetch(`${apps.url}/0/assets/missing.html`)
      expect(missing.status).toBe(404)
      const post = await fetch(`${apps.url}/0/assets/page.html`, { method: 'POST' })
      expect(post.status).toBe(405)
    } finally {
      await apps.close()
    }
  })

  it('answers 502 naming zcli when it is down', async () => {
    const apps = await startAppsServer({ upstream: 'http://127.0.0.1:1' })
    try {
      const res = await fetch(`${apps.url}/0/assets/page.html`)
      expect(res.status).toBe(502)
      expect(await res.text()).toMatch(/^zcli apps:server: /)
    } finally {
      await apps.close()
    }
  })
})

// The apps origin of the preview: a reverse proxy on 127.0.0.1 in front of `zcli apps:server`.
// In Zendesk, app iframes come from another origin than the agent workspace; here too (the
// workspace is on PORT, the apps on their own port), so origin checks in the SDK really run.
// The proxy changes one thing: HTML pages load the ZAF SDK from this origin (LOCAL_SDK_PATH, the
// npm package bundled by sdkBundle.ts) instead of Zendesk's CDN, which is unreachable offline.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { LOCAL_SDK_PATH, rewriteSdkScript, zafSdkScript } from './sdkBundle'

export type AppsServer = { readonly url: string; close: () => Promise<void> }

export async function startAppsServer(options: {
  /** zcli's URL, e.g. http://127.0.0.1:4599 */
  upstream: string
  port?: number
}): Promise<AppsServer> {
  const upstream = new URL(options.upstream)
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/'
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain' }).end('read-only apps server')
      return
    }
    if (path.split('?')[0] === LOCAL_SDK_PATH) {
      res.writeHead(200, {
        'content-type': 'application/javascript; charset=utf-8',
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
      })
      res.end(req.method === 'HEAD' ? undefined : zafSdkScript())
      return
    }
    const proxied = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path,
        method: req.method,
        headers: { ...req.headers, host: upstream.host, 'accept-encoding': 'identity' },
      },
      (up) => {
        const type = String(up.headers['content-type'] ?? '')
        const headers = { ...up.headers, 'cache-control': 'no-cache' }
        delete headers.etag
        delete headers['last-modified']
        if (!type.includes('text/html')) {
          res.writeHead(up.statusCode ?? 502, headers)
          up.pipe(res)
          return
        }
        const chunks: Buffer[] = []
        up.on('data', (c: Buffer) => chunks.push(c))
        up.on('end', () => {
          const body = Buffer.from(rewriteSdkScript(Buffer.concat(chunks).toString('utf8')))
          delete headers['content-length']
          delete headers['transfer-encoding']
          res.writeHead(up.statusCode ?? 502, { ...headers, 'content-length': body.length })
          res.end(req.method === 'HEAD' ? undefined : body)
        })
      },
    )
    proxied.on('error', (err) => {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`zcli apps:server: ${err.message}`)
    })
    req.pipe(proxied)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

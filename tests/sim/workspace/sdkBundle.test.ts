import {
  CDN_SDK_URL,
  LOCAL_SDK_PATH,
  rewriteSdkScript,
  zafSdkScript,
} from '@sim/workspace/sdkBundle'

describe('rewriteSdkScript', () => {
  it("points the built page's CDN script tag at the local copy", () => {
    const html = `<script src="${CDN_SDK_URL}"></script><div></div>`
    expect(rewriteSdkScript(html)).toBe(`<script src="${LOCAL_SDK_PATH}"></script><div></div>`)
  })

  it('leaves other pages unchanged', () => {
    expect(rewriteSdkScript('<p>hi</p>')).toBe('<p>hi</p>')
  })
})

describe('zafSdkScript', () => {
  it('bundles every CommonJS module of the npm SDK and leaves no bare require()', () => {
    const script = zafSdkScript()
    for (const id of [
      '"index.js"',
      '"client.js"',
      '"utils.js"',
      '"vendor/native-promise-only.js"',
    ]) {
      expect(script).toContain(`${id}: function (module, exports, __require)`)
    }
    expect(script).not.toMatch(/[^_]require\('/)
    expect(script).toContain('window["ZAFClient"] = __require("index.js")')
  })
})

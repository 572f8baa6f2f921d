import '@testing-library/jest-dom'

// Garden components read these browser APIs that jsdom lacks.
if (!('matchMedia' in window)) {
  Object.defineProperty(window, 'matchMedia', {
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  })
}

// Like the browser, it reports each observed element once after observing starts (jsdom has no
// layout, so no later changes).
class ResizeObserverStub {
  private readonly callback: ResizeObserverCallback
  private observed = new Set<Element>()
  constructor(callback: ResizeObserverCallback) {
    this.callback = callback
  }
  observe(target: Element): void {
    this.observed.add(target)
    setTimeout(() => {
      if (!this.observed.has(target)) return
      const entry = { target, contentRect: target.getBoundingClientRect() } as ResizeObserverEntry
      this.callback([entry], this)
    }, 0)
  }
  unobserve(target: Element): void {
    this.observed.delete(target)
  }
  disconnect(): void {
    this.observed.clear()
  }
}
if (!('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { value: ResizeObserverStub })
}

// The app keeps state shared between its instances in localStorage (the API budget ledger, the
// leader) and the tab's in sessionStorage (histories, the last writes): one test's must not leak
// into the next.
afterEach(() => {
  window.localStorage.clear()
  window.sessionStorage.clear()
})

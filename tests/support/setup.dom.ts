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

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
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

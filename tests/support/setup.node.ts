// Node-environment tests (core, data layer, simulator, scripts) need no DOM stubs.
export {}

// The core's one public entry: application code imports `@/core` and nothing deeper.
export {}

/** A package as a map of `/`-separated paths (relative to the package root) to file contents. */
export type PackageFile = { data: Uint8Array; isSymlink?: boolean }
export type PackageFiles = Map<string, PackageFile>

export type Severity = 'error' | 'warning'

/** One finding, naming the file and, where it applies, the key inside it. */
export type Problem = { severity: Severity; file: string; key?: string; message: string }

// `npm run validate [-- --marketplace] [DIR|FILE.zip]`: checks a built app folder (default dist/)
// or a package zip against Zendesk's package rules (the zendesk_apps_support gem's verdict) and our
// stricter Marketplace rules, printing every problem at once. The Marketplace rules are warnings,
// or errors with --marketplace. Exit 1 on any error, 2 on bad arguments. See docs/validator.md.
import { runValidate } from './package/validateCommand'

process.exitCode = runValidate(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
})

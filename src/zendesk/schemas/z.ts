// The one zod the app's runtime schemas use: zod/mini, the tree-shakable functional API of the
// same library (a bundle carries only the schemas and checks it calls). zod/mini ships no error
// messages, so its issues would all read "Invalid input"; configuring the English locale here,
// before any schema parses, keeps the messages of classic zod ("Invalid input: expected number,
// received null") that payload and request errors show.

import { en } from 'zod/locales'
import * as z from 'zod/mini'

z.config(en())

export { z }

import { fileURLToPath } from 'node:url'
import fp from 'fastify-plugin'
import view from '@fastify/view'
import { Eta } from 'eta'
import { icon } from '../views/icons.ts'
import { dateTimeTitle, dayTitle, rangeTitle } from '../views/dates.ts'
import { countTitle, durationTitle, sizeTitle } from '../views/media-titles.ts'
import { urls } from '../views/urls.ts'
import type { ViewHelpers } from '../views/pages.ts'

export const VIEWS_DIR = fileURLToPath(new URL('../../views/', import.meta.url))

/** Eta with auto-escaping; helpers every template may use come in as defaultContext. */
const helpers: ViewHelpers = { icon, dayTitle, dateTimeTitle, rangeTitle, countTitle, durationTitle, sizeTitle, urls }

export default fp(
  async app => {
    const eta = new Eta({ views: VIEWS_DIR, autoEscape: true, cache: true, autoTrim: false })
    await app.register(view, {
      engine: { eta },
      root: VIEWS_DIR,
      viewExt: 'eta',
      // Cache compiled templates: without this @fastify/view re-reads every template on every request.
      production: true,
      defaultContext: { ...helpers, title: 'albumlink' }
    })
  },
  { name: 'view' }
)

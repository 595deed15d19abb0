import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { validationMessage, type ValidationIssue } from './validation-message.ts'
import { isOwner } from './owner-auth.ts'
import { render, renderToString } from '../views/pages.ts'

const TITLES: Record<number, string> = {
  400: 'That did not work',
  401: 'Please sign in',
  403: 'Not allowed',
  404: 'Page not found',
  413: 'Request too large',
  416: 'Range not satisfiable',
  429: 'Too many attempts',
  500: 'Something went wrong',
  503: 'Busy'
}

/** Fixed wording for statuses whose error text is not meant for people. */
const MESSAGES: Record<number, string> = {
  403: 'This form has expired or did not come from this site. Go back, reload the page and try again.',
  404: 'There is nothing at this address.',
  429: 'Too many attempts from your address. Wait a minute and try again.',
  500: 'The server could not finish this request. It has been logged.'
}

/**
 * Thrown by a handler whose URL names nothing: the error handler renders the 404 page (or the invalid-link page under
 * /s).
 */
export const notFound = (): Error => Object.assign(new Error('Not found'), { statusCode: 404 })

export const isVisitorUrl = (url: string): boolean => url === '/s' || url.startsWith('/s/')

/** Every visitor miss looks the same: unknown, expired and deleted links cannot be told apart. */
export async function sendInvalidLink(reply: FastifyReply): Promise<FastifyReply> {
  reply
    .code(404)
    .header('cache-control', 'private, no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex')
  return await render(reply, 'pages/visitor/invalid', { title: 'Link not valid' })
}

async function renderError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string
): Promise<FastifyReply> {
  reply.code(status)
  if (request.headers.accept?.includes('application/json') && !request.headers.accept.includes('text/html')) {
    return await reply.send({ statusCode: status, error: TITLES[status] ?? 'Error', message })
  }
  const owner = await isOwner(request.server, request).catch(() => false)
  // Errors raised before the owner scope's preHandler lack its locals; the nav's sign-out form needs a token.
  const ownerLocals = owner ? { csrf: reply.generateCsrf(), path: request.url } : {}
  return await render(reply, 'error', { ...ownerLocals, title: TITLES[status] ?? 'Error', status, message, owner })
}

/**
 * Errors Fastify raises before routing (a malformed percent-escape in the
 * URL): a visitor URL gets the same 404 as an unknown link, anything else the
 * usual error page, never Fastify's JSON echo of the URL.
 */
export function frameworkErrors(_error: Error, request: FastifyRequest, reply: FastifyReply): void {
  // This reply was made outside routing, so it renders with the server's view function, not reply.view.
  const visitor = isVisitorUrl(request.url)
  const page = visitor
    ? renderToString(request.server, 'pages/visitor/invalid', { title: 'Link not valid' })
    : renderToString(request.server, 'error', {
        title: TITLES[400],
        status: 400,
        message: 'That address is not valid.',
        owner: false
      })
  page
    .then(html => {
      if (visitor) {
        reply
          .code(404)
          .header('cache-control', 'private, no-store')
          .header('referrer-policy', 'no-referrer')
          .header('x-robots-tag', 'noindex')
      } else reply.code(400)
      reply.type('text/html; charset=utf-8').send(html)
    })
    .catch(err => {
      request.log.error({ err }, 'could not render a framework error')
      reply.code(400).send('Bad request')
    })
}

/** One error handler: a rendered page with the right status, never a stack trace. */
export default fp(
  async app => {
    app.setNotFoundHandler(async (request, reply) => {
      if (isVisitorUrl(request.url)) return await sendInvalidLink(reply)
      return await renderError(request, reply, 404, MESSAGES[404])
    })
    app.setErrorHandler(
      async (
        error: Error & { statusCode?: number; validation?: ValidationIssue[]; validationContext?: string },
        request,
        reply
      ) => {
        // A malformed id in the path names nothing: the same 404 as an unknown one.
        if (error.validation && error.validationContext === 'params') error.statusCode = 404
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
        if (status >= 500) request.log.error({ err: error }, 'request failed')
        // Whatever went wrong under a link, the visitor learns nothing from it: the one invalid-link page.
        if (isVisitorUrl(request.url)) return await sendInvalidLink(reply)
        const message =
          MESSAGES[status >= 500 ? 500 : status] ??
          (error.validation ? validationMessage(error.validation, error.validationContext) : error.message)
        return await renderError(request, reply, status, message)
      }
    )
  },
  { name: 'errors', dependencies: ['view'] }
)

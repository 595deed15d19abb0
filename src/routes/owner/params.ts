import { Type } from '@sinclair/typebox'

export const Uid = Type.String({ pattern: '^[a-z0-9]{1,40}$' })
export const UidParams = Type.Object({ uid: Uid })
export const PageQuery = Type.Object({ page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }) })
export const CsrfBody = Type.Object({ _csrf: Type.Optional(Type.String()) })

/**
 * A grid page: `select=all` ticks every photo of the page (the no-JS "Select all"); `done`, `n`, `to` say what a
 * selection action did.
 */
export const SelectionQuery = Type.Composite([
  PageQuery,
  Type.Object({
    select: Type.Optional(Type.Literal('all')),
    done: Type.Optional(Type.Union(['added', 'private', 'removed', 'cover', 'none'].map(v => Type.Literal(v)))),
    n: Type.Integer({ minimum: 0, maximum: 100000, default: 0 }),
    to: Type.Optional(Uid)
  })
])

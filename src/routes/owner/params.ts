import { Type } from '@sinclair/typebox'

export const Uid = Type.String({ pattern: '^[a-z0-9]{1,40}$' })
export const UidParams = Type.Object({ uid: Uid })
export const PageQuery = Type.Object({ page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }) })
export const CsrfBody = Type.Object({ _csrf: Type.Optional(Type.String()) })

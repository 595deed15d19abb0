import type { TypedApp } from '../../types.ts'
import { guardOwnerScope } from './guard.ts'
import listRoutes from './lists.ts'
import albumRoutes from './album.ts'
import manageRoutes from './manage.ts'
import selectionRoutes from './selection.ts'
import photoRoutes from './photo.ts'
import libraryRoutes from './library.ts'
import shareRoutes from './share.ts'
import linksRoutes from './links.ts'
import qrRoutes from './qr.ts'
import ownerMapRoutes from './map.ts'
import ownerMediaRoutes from './media.ts'
import ownerVideoRoutes from './video.ts'
import problemRoutes from './problems.ts'

/** The owner's side: one guarded scope (sign-in, CSRF) around every owner page and form. */
export default async function ownerRoutes(app: TypedApp): Promise<void> {
  guardOwnerScope(app)
  await app.register(listRoutes)
  await app.register(albumRoutes)
  await app.register(manageRoutes)
  await app.register(selectionRoutes)
  await app.register(photoRoutes)
  await app.register(libraryRoutes)
  await app.register(shareRoutes)
  await app.register(linksRoutes)
  await app.register(qrRoutes)
  await app.register(ownerMapRoutes)
  await app.register(ownerMediaRoutes)
  await app.register(ownerVideoRoutes)
  await app.register(problemRoutes)
}

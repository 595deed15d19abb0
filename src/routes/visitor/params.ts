import { Type } from '@sinclair/typebox'

// Loose on purpose: anything malformed must end as the same 404 as an unknown link, never a 400.
const Segment = Type.String({ maxLength: 200 })
export const TokenParams = Type.Object({ token: Segment })
export const AlbumParams = Type.Object({ token: Segment, album: Segment })
export const PhotoParams = Type.Object({ token: Segment, album: Segment, photo: Segment })
export const ThumbParams = Type.Object({ token: Segment, album: Segment, photo: Segment, size: Segment })

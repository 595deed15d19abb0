import { monthTitle } from '../../views/dates.ts'

export interface MomentCandidate {
  id: number
  taken_at: string
  country_code: string
  state: string | null
}
export interface Moment {
  key: string
  title: string
  photoIds: number[]
}

const MAX_GAP_MS = 24 * 60 * 60 * 1000
const MIN_PHOTOS = 3

/**
 * Runs of photos in one country with gaps of at most a day, at least three
 * photos long. The key (country and first day) stays stable across re-indexing
 * as long as the run starts on the same day; when it does not,
 * syncDerivedAlbums moves the old album (and its links) to the new key.
 */
export function findMoments(photos: MomentCandidate[]): Moment[] {
  const sorted = [...photos].sort((a, b) => a.taken_at.localeCompare(b.taken_at) || a.id - b.id)
  const runs: MomentCandidate[][] = []
  for (const photo of sorted) {
    const run = runs.at(-1)
    const last = run?.at(-1)
    if (
      run &&
      last &&
      last.country_code === photo.country_code &&
      Date.parse(photo.taken_at + 'Z') - Date.parse(last.taken_at + 'Z') <= MAX_GAP_MS
    ) {
      run.push(photo)
    } else {
      runs.push([photo])
    }
  }
  return runs
    .filter(r => r.length >= MIN_PHOTOS)
    .map(run => ({
      key: `${run[0].country_code}/${run[0].taken_at.slice(0, 10)}`,
      title: `${mostCommon(run.map(p => p.state ?? p.country_code))}, ${monthTitle(run[0].taken_at.slice(0, 7))}`,
      photoIds: run.map(p => p.id)
    }))
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0]
}

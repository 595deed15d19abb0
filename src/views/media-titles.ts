/** How pages name videos: their length, and counts that tell photos from videos. */

/** 7.4 → `0:07`, 3723 → `1:02:03`. */
export function durationTitle (seconds: number | null): string {
  const total = Math.max(0, Math.round(seconds ?? 0))
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60]
  const two = (n: number): string => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`
}

/** `12 photos · 3 videos`, `1 photo`, `2 videos`, `0 photos`. */
export function countTitle (count: number, videos = 0): string {
  const photos = count - videos
  const parts: string[] = []
  if (photos > 0 || videos === 0) parts.push(`${photos} ${photos === 1 ? 'photo' : 'photos'}`)
  if (videos > 0) parts.push(`${videos} ${videos === 1 ? 'video' : 'videos'}`)
  return parts.join(' · ')
}

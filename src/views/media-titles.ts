/** How pages name videos: their length, and counts that tell photos from videos. */

/** 7.4 → `0:07`, 3723 → `1:02:03`. */
export function durationTitle(seconds: number | null): string {
  const total = Math.max(0, Math.round(seconds ?? 0))
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60]
  const two = (n: number): string => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`
}

/** `12 photos · 3 videos`, `1 photo`, `2 videos`, `0 photos`. */
export function countTitle(count: number, videos = 0): string {
  const photos = count - videos
  const parts: string[] = []
  if (photos > 0 || videos === 0) parts.push(`${photos} ${photos === 1 ? 'photo' : 'photos'}`)
  if (videos > 0) parts.push(`${videos} ${videos === 1 ? 'video' : 'videos'}`)
  return parts.join(' · ')
}

/** 3_210_000 → `3.1 MB`, 48_000 → `47 KB` (binary units, named the way file managers do). */
export function bytesTitle(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`
}

/** The info panel's size line: `4032 × 3024 · 3.1 MB` (pixels when known). */
export function sizeTitle(photo: { width: number | null; height: number | null; bytes: number }): string {
  const pixels = photo.width && photo.height ? `${photo.width} × ${photo.height} · ` : ''
  return pixels + bytesTitle(photo.bytes)
}

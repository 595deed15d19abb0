import { mimeFromName } from './formats.ts'
import { runTool, ToolError } from './tools.ts'

export interface VideoInfo {
  width: number
  height: number
  /** Seconds. */
  duration: number
  videoCodec: string
  audioCodec: string | null
  container: string
  /** Local time as shot (`YYYY-MM-DDTHH:MM:SS`) and UTC, where the file says. */
  takenAt: string | null
  takenAtUtc: string | null
  lat: number | null
  lng: number | null
  camera: string | null
  title: string | null
}

interface ProbeStream {
  codec_type?: string
  codec_name?: string
  width?: number
  height?: number
  duration?: string
  disposition?: { attached_pic?: number }
  tags?: Record<string, string>
  side_data_list?: Array<{ rotation?: number }>
}
interface ProbeOutput {
  streams?: ProbeStream[]
  format?: { format_name?: string; duration?: string; tags?: Record<string, string> }
}

const PROBE_TIMEOUT_MS = 30_000
const NO_VIDEO = 'not a playable video: it has no video stream'
/** MP4, MOV, M4V, 3GP: ISO base media, whose header (`moov`) states every track's codec, size and duration. */
const ISO_MEDIA = new Set(['video/mp4', 'video/quicktime', 'video/3gpp', 'video/3gpp2'])

/**
 * ffprobe's view of a video file: size (upright), duration, codecs, date,
 * place. First from the container's header alone (no frames decoded: half
 * the time for a phone's MP4/MOV; an ISO file's header is read without
 * ffprobe's stream search at all, a third of that again); only a file whose
 * header leaves the picture size or the duration open is probed again the
 * long way. `mime` is the file's type by content (by name when not given).
 */
export async function probeVideo(ffprobe: string, file: string, mime = mimeFromName(file) ?? ''): Promise<VideoInfo> {
  const header = ['-analyzeduration', '0', ...(ISO_MEDIA.has(mime) ? ['-nofind_stream_info'] : [])]
  try {
    const info = videoInfo(await runProbe(ffprobe, file, header))
    if (info.duration > 0) return info
  } catch (err) {
    if (!(err instanceof ToolError) || !err.message.startsWith(NO_VIDEO)) throw err
  }
  return videoInfo(await runProbe(ffprobe, file, []))
}

async function runProbe(ffprobe: string, file: string, options: string[]): Promise<ProbeOutput> {
  const out = await runTool(
    ffprobe,
    ['-v', 'error', ...options, '-print_format', 'json', '-show_format', '-show_streams', '--', file],
    { timeoutMs: PROBE_TIMEOUT_MS, maxBytes: 4_000_000 }
  )
  try {
    return JSON.parse(out.toString()) as ProbeOutput
  } catch {
    throw new ToolError('ffprobe gave no readable answer')
  }
}

export function videoInfo(probe: ProbeOutput): VideoInfo {
  const streams = probe.streams ?? []
  const video = streams.find(s => s.codec_type === 'video' && s.disposition?.attached_pic !== 1)
  if (!video || !video.width || !video.height) throw new ToolError(NO_VIDEO)
  const audio = streams.find(s => s.codec_type === 'audio')
  const tags = lowerKeys({ ...video.tags, ...probe.format?.tags })
  const rotation =
    Math.abs(Number(video.tags?.rotate ?? video.side_data_list?.find(d => d.rotation !== undefined)?.rotation ?? 0)) %
    180
  const [width, height] = rotation === 90 ? [video.height, video.width] : [video.width, video.height]
  // Without the stream search, ffprobe leaves the format's duration out: the longest track's is the file's.
  const duration = Number(
    probe.format?.duration ?? Math.max(0, ...streams.map(s => Number(s.duration)).filter(isFinite))
  )
  const when = appleDate(tags['com.apple.quicktime.creationdate']) ?? utcDate(tags.creation_time)
  const place = iso6709(tags['com.apple.quicktime.location.iso6709'] ?? tags.location ?? tags['location-eng'])
  const make = tags['com.apple.quicktime.make'] ?? tags.make
  const model = tags['com.apple.quicktime.model'] ?? tags.model
  return {
    width,
    height,
    duration: Number.isFinite(duration) ? Math.max(0, duration) : 0,
    videoCodec: video.codec_name ?? 'unknown',
    audioCodec: audio?.codec_name ?? null,
    container: probe.format?.format_name ?? '',
    takenAt: when?.local ?? null,
    takenAtUtc: when?.utc ?? null,
    lat: place?.lat ?? null,
    lng: place?.lng ?? null,
    camera: [make, model].filter(Boolean).join(' ') || null,
    title: tags['com.apple.quicktime.title']?.trim() || tags.title?.trim() || null
  }
}

const lowerKeys = (tags: Record<string, string | undefined>): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v]))

const pad = (n: number): string => String(n).padStart(2, '0')
const plausible = (ms: number): boolean =>
  Number.isFinite(ms) && ms > Date.UTC(1971, 0, 1) && ms < Date.now() + 366 * 86_400_000

/** Apple's `2019-06-12T10:15:00+0200`: the wall clock as shot, and its offset. */
function appleDate(raw: string | undefined): { local: string; utc: string } | null {
  const m = raw ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?([+-])(\d{2}):?(\d{2})$/.exec(raw.trim()) : null
  if (!m) return null
  const local = `${m[1]}T${m[2]}`
  const ms = Date.parse(local + 'Z') - (m[3] === '-' ? -1 : 1) * (Number(m[4]) * 60 + Number(m[5])) * 60_000
  return plausible(ms) ? { local, utc: new Date(ms).toISOString() } : null
}

/** QuickTime `creation_time` is UTC; without an offset the wall clock is taken in the server's zone. */
function utcDate(raw: string | undefined): { local: string; utc: string } | null {
  const ms = raw ? Date.parse(raw) : NaN
  if (!plausible(ms)) return null
  const d = new Date(ms)
  return {
    local: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`,
    utc: d.toISOString()
  }
}

/** ISO 6709 `+48.8566+002.3522+035.000/`. */
export function iso6709(raw: string | undefined): { lat: number; lng: number } | null {
  const m = raw ? /^([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)/.exec(raw.trim()) : null
  if (!m) return null
  const lat = Number(m[1])
  const lng = Number(m[2])
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return null
  return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) }
}

/** Whether browsers play the original as it is: H.264 (AAC/MP3) in MP4/MOV, VP8/VP9/AV1 (Opus/Vorbis) in WebM. */
export function playsInBrowsers(info: Pick<VideoInfo, 'videoCodec' | 'audioCodec' | 'container'>): boolean {
  const audio = info.audioCodec
  if (info.container.includes('mp4') || info.container.includes('mov')) {
    return ['h264', 'av1'].includes(info.videoCodec) && (audio === null || ['aac', 'mp3'].includes(audio))
  }
  if (info.container.includes('webm')) {
    return ['vp8', 'vp9', 'av1'].includes(info.videoCodec) && (audio === null || ['opus', 'vorbis'].includes(audio))
  }
  return false
}

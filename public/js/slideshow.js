// The viewer's slideshow: every 5 seconds the next photo, until the last
// one. A video that is playing is waited for. `advance()` shows the next
// photo and resolves to false when there is none.

export const SLIDE_MS = 5000

export function createSlideshow({ hasNext, advance, onChange }) {
  let playing = false
  let timer = null

  const stop = () => {
    clearTimeout(timer)
    if (!playing) return
    playing = false
    onChange(false)
  }
  const tick = async () => {
    const video = document.querySelector('.stage > video')
    if (video && !video.paused && !video.ended) {
      video.addEventListener('ended', tick, { once: true })
      return
    }
    if (!playing) return
    if (!(await advance())) {
      stop()
      return
    }
    shown()
  }
  /** Called whenever a photo is shown: the next one comes 5 s later, or the show ends on the last. */
  const shown = () => {
    clearTimeout(timer)
    if (!playing) return
    if (!hasNext()) {
      stop()
      return
    }
    timer = setTimeout(tick, SLIDE_MS)
  }
  const start = () => {
    if (playing || !hasNext()) return
    playing = true
    onChange(true)
    shown()
  }
  return {
    start,
    stop,
    shown,
    toggle: () => (playing ? stop() : start()),
    get playing() {
      return playing
    }
  }
}

// The photo page as a full-screen viewer (without JS it is a page with
// previous/next links). Keys: ← → move, Esc closes, f full screen, space
// slideshow, i info. Swipe left/right moves, swipe down closes. Moving stays
// in this document (viewer-pages.js), so full screen and the slideshow go on.
import { preload, show } from './viewer-pages.js'
import { onSwipe } from './swipe.js'
import { createSlideshow } from './slideshow.js'

const INFO_KEY = 'albumlink:viewer-info'

export function enhanceViewer(doc) {
  const body = doc.body
  if (!body?.classList.contains('viewer')) return
  body.classList.add('viewer-js')

  const link = rel => doc.querySelector(`a[rel=${rel}]`)
  const closeLink = () => doc.querySelector('.appbar a.icon-button[title="Close"]')

  // Info: open by default where there is room beside the photo; the visitor's choice is remembered.
  let infoOpen = (() => {
    try {
      const saved = localStorage.getItem(INFO_KEY)
      if (saved) return saved === 'open'
    } catch {}
    return window.matchMedia('(min-width: 1100px)').matches
  })()
  const setInfo = open => {
    infoOpen = open
    try {
      localStorage.setItem(INFO_KEY, open ? 'open' : 'closed')
    } catch {}
    render()
  }

  const slideshow = createSlideshow({
    hasNext: () => link('next') !== null,
    advance: async () => (link('next') ? await go(link('next').href) : false),
    onChange: render
  })

  /** Puts every control of the (possibly new) page in the current state. */
  function render() {
    const state = { fullscreen: doc.fullscreenElement !== null, slideshow: slideshow.playing, info: infoOpen }
    for (const button of doc.querySelectorAll('[data-viewer]')) {
      const name = button.dataset.viewer
      button.hidden = name === 'fullscreen' && !doc.fullscreenEnabled
      button.setAttribute('aria-pressed', String(state[name]))
    }
    const info = doc.getElementById('photo-info')
    if (info) info.hidden = !infoOpen
    body.classList.toggle('info-open', infoOpen && info !== null)
    body.classList.toggle('slideshow', slideshow.playing)
  }

  function shown() {
    render()
    preload(link('next'))
    preload(link('prev'))
    slideshow.shown()
  }

  async function go(href, options) {
    const moved = await show(href, options)
    if (moved) shown()
    return moved
  }
  const move = rel => {
    const target = link(rel)
    if (target) go(target.href)
  }
  const close = () => closeLink()?.click()
  const toggleFullscreen = () => {
    if (!doc.fullscreenEnabled) return
    if (doc.fullscreenElement) doc.exitFullscreen().catch(() => {})
    else doc.documentElement.requestFullscreen().catch(() => {})
  }

  doc.addEventListener('click', event => {
    const arrow = event.target.closest?.('a[rel=prev], a[rel=next]')
    if (arrow && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault()
      go(arrow.href)
      return
    }
    const button = event.target.closest?.('[data-viewer]')
    if (!button) return
    button.closest('details[open]')?.removeAttribute('open')
    if (button.dataset.viewer === 'info') setInfo(!infoOpen)
    else if (button.dataset.viewer === 'slideshow') slideshow.toggle()
    else if (button.dataset.viewer === 'fullscreen') toggleFullscreen()
  })

  doc.addEventListener('keydown', event => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
    const target = event.target
    if (target.closest?.('input, textarea, select, [contenteditable], dialog, details[open]')) return
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
    // A focused button presses with space, and a focused video seeks with the arrows: theirs, not ours.
    if (key === ' ' && target.closest?.('button, summary, video')) return
    if (key.startsWith('Arrow') && target.closest?.('video')) return
    if (key === 'Escape' && doc.querySelector('details[open]')) return
    const action = {
      ArrowLeft: () => move('prev'),
      ArrowRight: () => move('next'),
      Escape: close,
      f: toggleFullscreen,
      i: () => setInfo(!infoOpen),
      ' ': () => slideshow.toggle()
    }[key]
    if (!action) return
    event.preventDefault()
    action()
  })

  doc.addEventListener('fullscreenchange', render)
  // Back and forward between photos shown in place.
  window.addEventListener('popstate', () => {
    go(location.href, { push: false })
  })

  // On the picture (not on a video, whose controls take drags), a finger swipes; while it moves, the picture follows
  // it.
  onSwipe(doc, target => Boolean(target.closest?.('.stage')) && !target.closest('video, .live'), {
    left: () => move('next'),
    right: () => move('prev'),
    down: close,
    move: (dx, dy) => {
      const picture = doc.querySelector('.stage > img, .stage > video')
      if (picture) {
        picture.style.transform = dx || dy ? `translate(${dx}px, ${Math.max(0, dy) > Math.abs(dx) ? dy : 0}px)` : ''
      }
    }
  })

  history.replaceState({ viewer: true }, '')
  shown()
}

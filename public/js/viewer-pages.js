// Moving between photo pages without leaving the document, so full screen,
// the slideshow and the info panel carry on: the next page is fetched (the
// server renders it as usual), its .page replaces ours, and the URL is
// pushed to the history. Neighbours are fetched ahead, with their images.

const pages = new Map()

/** Starts loading a photo page and its image, once. */
export function preload(link) {
  if (!link) return
  if (link.dataset.view) new Image().src = link.dataset.view
  if (!pages.has(link.href)) {
    pages.set(
      link.href,
      fetch(link.href, { headers: { 'x-requested-with': 'fetch' } })
        .then(async response => (response.ok && !response.redirected ? await response.text() : null))
        .catch(() => null)
    )
  }
}

/** The photo page shown and the ones next to it are kept (so Back is instant); others are dropped. */
function forgetOthers() {
  const keep = new Set([location.href, ...[...document.querySelectorAll('a[rel=prev], a[rel=next]')].map(a => a.href)])
  for (const href of pages.keys()) if (!keep.has(href)) pages.delete(href)
}

/**
 * Shows the photo page at `href` in place. Returns false when it could not
 * (the page is gone, or is not a photo page): the browser then simply goes
 * there; null when a later call took over.
 */
let latest = 0

export async function show(href, { push = true } = {}) {
  const mine = ++latest
  preload({ href, dataset: {} })
  const html = await pages.get(href)
  // Moved on again while this page was loading: the later move wins.
  if (mine !== latest) return null
  const doc = html && new DOMParser().parseFromString(html, 'text/html')
  const next = doc?.querySelector('body.viewer .page')
  if (!next) {
    window.location.href = href
    return false
  }
  const focused = document.activeElement?.closest?.('[data-viewer], a[rel]')
  const refocus = focused?.dataset.viewer
    ? `[data-viewer=${focused.dataset.viewer}]`
    : focused
      ? `a[rel=${focused.rel}]`
      : null
  document.querySelector('.page').replaceWith(document.importNode(next, true))
  document.title = doc.title
  if (push) history.pushState({ viewer: true }, '', href)
  if (refocus) (document.querySelector(refocus) ?? document.querySelector('a[rel=prev], a[rel=next]'))?.focus()
  forgetOthers()
  return true
}

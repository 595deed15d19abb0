// Arrow keys move between photos; Escape closes the viewer.
export function enhanceViewerKeys (root) {
  if (!root.body?.classList.contains('viewer')) return
  root.addEventListener('keydown', event => {
    if (event.target.closest?.('input, textarea, select')) return
    const selector = { ArrowLeft: 'a[rel=prev]', ArrowRight: 'a[rel=next]', Escape: '.appbar a.icon-button[title="Close"]' }[event.key]
    const link = selector && root.querySelector(selector)
    if (link) link.click()
  })
}

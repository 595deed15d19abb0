// With JS, share links open the share page as a modal <dialog> over the current page.
export function enhanceShareLinks (root) {
  root.addEventListener('click', async event => {
    const trigger = event.target.closest?.('a[data-share-dialog]')
    if (!trigger || event.ctrlKey || event.metaKey || event.shiftKey) return
    event.preventDefault()
    trigger.closest('details.menu')?.removeAttribute('open')
    await openShareDialog(trigger.href, trigger)
  })
}

async function openShareDialog (url, opener) {
  const response = await fetch(url, { headers: { 'x-requested-with': 'dialog' } })
  if (!response.ok) { window.location.href = url; return }
  const html = await response.text()
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const panel = doc.querySelector('.share-panel')
  if (!panel) { window.location.href = url; return }
  const dialog = document.createElement('dialog')
  dialog.className = 'share-dialog'
  dialog.setAttribute('aria-labelledby', 'share-title')
  dialog.append(document.importNode(panel, true))
  for (const close of dialog.querySelectorAll('[data-close]')) {
    close.addEventListener('click', event => { event.preventDefault(); dialog.close() })
  }
  dialog.addEventListener('close', () => {
    dialog.remove()
    opener?.focus()
    if (dialog.dataset.changed) window.location.reload()
  })
  dialog.addEventListener('submit', () => { dialog.dataset.changed = '1' })
  document.body.append(dialog)
  dialog.showModal()
}

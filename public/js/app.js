// Progressive enhancements only: every page works without this file.
import { enhanceShareLinks } from './share-dialog.js'
import { enhanceCopyFields } from './copy-link.js'
import { enhanceViewer } from './viewer.js'
import { enhanceSelection } from './selection.js'
import { enhanceExpiryDates } from './expiry-date.js'

enhanceCopyFields(document)
enhanceShareLinks(document)
enhanceViewer(document)
enhanceSelection(document)
enhanceExpiryDates(document)

// Forms that delete something ask first (without JS they post directly or use a confirm page).
document.addEventListener('submit', event => {
  const message = event.target.dataset?.confirm
  if (message && !window.confirm(message)) event.preventDefault()
})

// Close an open context menu when clicking elsewhere or pressing Escape.
document.addEventListener('click', event => {
  for (const menu of document.querySelectorAll('details.menu[open]')) {
    if (!menu.contains(event.target)) menu.removeAttribute('open')
  }
})
document.addEventListener('keydown', event => {
  if (event.key !== 'Escape') return
  for (const menu of document.querySelectorAll('details.menu[open]')) {
    menu.removeAttribute('open')
    menu.querySelector('summary')?.focus()
  }
})

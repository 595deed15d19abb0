// With JS: share links open the share page as a modal <dialog>; forms inside
// it post with fetch and the panel is redrawn in place; the chevron toggles
// details without a reload; delete asks with confirm(). Without JS the same
// markup works as a plain page (chevron links to ?open=…, delete has a confirm page).

export function enhanceShareLinks(root) {
  root.addEventListener('click', async event => {
    const trigger = event.target.closest?.('a[data-share-dialog]')
    if (!trigger || event.ctrlKey || event.metaKey || event.shiftKey) return
    event.preventDefault()
    trigger.closest('details.menu')?.removeAttribute('open')
    await openShareDialog(trigger.href, trigger)
  })
  for (const panel of root.querySelectorAll('.share-panel')) wirePanel(panel, null)
  restoreOpenerFocus(root)
}

// After a change the page reloads (chips, cover icons); focus then goes back
// to the control that opened the dialog, or to its card's menu button.
const OPENER_KEY = 'albumlink:share-opener'

function rememberOpener(opener) {
  if (!opener) return
  const saved = {
    page: location.pathname + location.search,
    href: opener.getAttribute('href'),
    inMenu: Boolean(opener.closest('details.menu'))
  }
  try {
    sessionStorage.setItem(OPENER_KEY, JSON.stringify(saved))
  } catch {}
}

// A Share entry of a context menu is hidden once the menu closes: its menu button takes the focus.
function focusOpener(opener) {
  const menu = opener?.closest('details.menu:not([open])')
  ;(menu ? menu.querySelector('summary') : opener)?.focus()
}

function restoreOpenerFocus(root) {
  let saved = null
  try {
    saved = JSON.parse(sessionStorage.getItem(OPENER_KEY) ?? 'null')
    sessionStorage.removeItem(OPENER_KEY)
  } catch {}
  if (!saved || saved.page !== location.pathname + location.search) return
  const links = [...root.querySelectorAll('a[data-share-dialog]')].filter(a => a.getAttribute('href') === saved.href)
  const direct = saved.inMenu ? null : links.find(a => !a.closest('details.menu'))
  const menuButton = links.map(a => a.closest('details.menu')?.querySelector('summary')).find(Boolean)
  ;(direct ?? menuButton)?.focus()
}

async function fetchPanel(url, init) {
  const response = await fetch(url, { ...init, headers: { 'x-requested-with': 'fetch', ...(init?.headers ?? {}) } })
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html')
  return { panel: doc.querySelector('.share-panel'), url: response.url, ok: response.ok || response.status === 400 }
}

async function openShareDialog(url, opener) {
  const { panel, ok } = await fetchPanel(url)
  if (!ok || !panel) {
    window.location.href = url
    return
  }
  const dialog = document.createElement('dialog')
  dialog.className = 'share-dialog'
  dialog.setAttribute('aria-labelledby', 'share-title')
  dialog.append(document.importNode(panel, true))
  dialog.addEventListener('close', () => {
    dialog.remove()
    if (dialog.dataset.changed) {
      rememberOpener(opener)
      window.location.reload()
    } else focusOpener(opener)
  })
  document.body.append(dialog)
  wirePanel(dialog.querySelector('.share-panel'), dialog)
  dialog.showModal()
}

function replacePanel(dialog, panel, next) {
  const fresh = document.importNode(next, true)
  panel.replaceWith(fresh)
  wirePanel(fresh, dialog)
  const open = fresh.querySelector('.link-body:not([hidden])')
  ;(open?.querySelector('[aria-invalid=true], input[name=secret]') ?? fresh.querySelector('h2'))?.focus?.()
}

function wirePanel(panel, dialog) {
  panel.addEventListener('click', async event => {
    const toggle = event.target.closest('[data-toggle]')
    if (toggle) {
      event.preventDefault()
      const body = panel.querySelector('#' + toggle.dataset.toggle)
      body.hidden = !body.hidden
      toggle.setAttribute('aria-expanded', String(!body.hidden))
      return
    }
    if (event.target.closest('[data-close]') && dialog) {
      event.preventDefault()
      dialog.close()
      return
    }
    const remove = event.target.closest('[data-confirm-delete]')
    if (remove) {
      event.preventDefault()
      if (!window.confirm('Delete this link? Anyone who has it loses access at once.')) return
      const body = new URLSearchParams({ _csrf: panel.querySelector('input[name=_csrf]').value })
      await submit(panel, dialog, remove.href, body)
    }
  })
  // The chevron is a link styled as a button: Space must press it too.
  panel.addEventListener('keydown', event => {
    const toggle = event.key === ' ' && event.target.closest('[data-toggle]')
    if (toggle) {
      event.preventDefault()
      toggle.click()
    }
  })
  panel.addEventListener('submit', async event => {
    event.preventDefault()
    const form = event.target
    await submit(panel, dialog, form.action, new URLSearchParams(new FormData(form)))
  })
}

async function submit(panel, dialog, url, body) {
  const { panel: next, ok } = await fetchPanel(url, { method: 'POST', body })
  if (!ok || !next) {
    window.location.reload()
    return
  }
  if (dialog) dialog.dataset.changed = '1'
  replacePanel(dialog, panel, next)
}

// Clicking a share URL copies it and says so.
export function enhanceCopyFields (root) {
  root.addEventListener('click', async event => {
    const field = event.target.closest?.('input[data-copy]')
    if (!field) return
    field.select()
    const status = field.parentElement.querySelector('.copied')
    try {
      await navigator.clipboard.writeText(field.value)
      if (status) status.textContent = 'Copied'
    } catch {
      if (status) status.textContent = 'Press Ctrl+C to copy'
    }
    setTimeout(() => { if (status) status.textContent = '' }, 2500)
  })
}

// Clicking a share URL copies it and says so; so do Enter and Space on it,
// for people who reach it with the keyboard.
async function copy(field) {
  field.select()
  const status = field.parentElement.querySelector('.copied')
  try {
    await navigator.clipboard.writeText(field.value)
    if (status) status.textContent = 'Copied'
  } catch {
    if (status) status.textContent = 'Press Ctrl+C to copy'
  }
  setTimeout(() => {
    if (status) status.textContent = ''
  }, 2500)
}

export function enhanceCopyFields(root) {
  // A narrow field shows the end of the URL: the secret and album, which tell links apart.
  for (const field of root.querySelectorAll('input[data-copy]')) field.scrollLeft = field.scrollWidth
  root.addEventListener('click', async event => {
    const field = event.target.closest?.('input[data-copy]')
    if (field) await copy(field)
  })
  root.addEventListener('keydown', async event => {
    const field = (event.key === 'Enter' || event.key === ' ') && event.target.closest?.('input[data-copy]')
    if (!field || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return
    event.preventDefault()
    await copy(field)
  })
}

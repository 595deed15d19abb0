// Selecting photos in a grid (a <form data-selection> of checkboxes that works
// without JS): the bar shows only while something is selected and counts it;
// shift-click selects a range; once something is selected, clicking a photo
// selects it instead of opening it; "Select all" ticks the page without a
// reload; Clear and Escape untick everything.
export function enhanceSelection(root) {
  for (const form of root.querySelectorAll('form[data-selection]')) wire(form)
}

function wire(form) {
  const boxes = () => [...form.querySelectorAll('.tile input[type=checkbox]')]
  const bar = form.querySelector('[data-selection-bar]')
  const count = bar.querySelector('[data-selection-count]')
  let anchor = null

  const update = () => {
    const n = boxes().filter(box => box.checked).length
    form.classList.toggle('selecting', n > 0)
    bar.hidden = n === 0
    count.textContent = n === 1 ? '1 selected' : `${n} selected`
    for (const control of bar.querySelectorAll('[data-needs-selection]')) control.disabled = n === 0
    if (n === 0) for (const menu of bar.querySelectorAll('details[open]')) menu.removeAttribute('open')
  }

  /** Sets every box from the anchor to `box` (inclusive) to `box`'s state. */
  const selectRange = box => {
    const all = boxes()
    const [from, to] = [all.indexOf(anchor), all.indexOf(box)].sort((a, b) => a - b)
    if (from < 0) return
    for (const other of all.slice(from, to + 1)) other.checked = box.checked
  }

  const toggle = (box, shift) => {
    if (shift && anchor && anchor !== box) selectRange(box)
    anchor = box
    update()
  }

  form.addEventListener('click', event => {
    const box = event.target.closest('.tile input[type=checkbox]')
    if (box) {
      toggle(box, event.shiftKey)
      return
    }
    const photo = event.target.closest('.tile a')
    if (photo && form.classList.contains('selecting') && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault()
      const tileBox = photo.closest('.tile').querySelector('input[type=checkbox]')
      tileBox.checked = !tileBox.checked
      toggle(tileBox, event.shiftKey)
      return
    }
    if (event.target.closest('[data-select-all]')) {
      event.preventDefault()
      for (const other of boxes()) other.checked = true
      update()
      // The focus stays in the bar, which now shows.
      bar.querySelector('[data-select-all]').focus()
    }
  })
  // Clear unticks everything (a reset would bring back the ticks of the "Select all" page).
  const clear = () => {
    for (const box of boxes()) box.checked = false
    anchor = null
    update()
  }
  form.addEventListener('reset', event => {
    event.preventDefault()
    clear()
  })
  bar.querySelector('a[data-clear]')?.addEventListener('click', event => {
    event.preventDefault()
    clear()
  })
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && form.classList.contains('selecting') && !document.querySelector('details[open]')) {
      clear()
    }
  })
  // A select-all link outside the form (above the grid) works the same way.
  for (const link of document.querySelectorAll(`[data-select-all][data-for="${form.id}"]`)) {
    link.addEventListener('click', event => {
      event.preventDefault()
      for (const other of boxes()) other.checked = true
      update()
    })
  }
  update()
}

// Picking a date in a link's date field chooses "On a date…" in its Expires
// list, so the date is what gets saved. Delegated: the share dialog redraws its rows.
export function enhanceExpiryDates(root) {
  const choose = event => {
    const field = event.target
    if (!field.matches?.('input[name=expires_date]') || !field.value) return
    const select = field.form?.querySelector('select[name=expires]')
    if (select?.querySelector('option[value=custom]')) select.value = 'custom'
  }
  root.addEventListener('input', choose)
  root.addEventListener('change', choose)
}

// Swipes on touch screens (pointer events of a finger or pen; a mouse drags
// nothing): left or right, or down. While the finger moves, `move(dx, dy)`
// lets the caller follow it.

const DISTANCE = 50
const DOWN = 80

/** `accepts(target)`: whether a finger put down on that element may swipe. */
export function onSwipe(root, accepts, { left, right, down, move }) {
  let start = null
  const end = () => {
    start = null
    move?.(0, 0)
  }
  root.addEventListener('pointerdown', event => {
    // A second finger (pinch) is not a swipe.
    if (!event.isPrimary) {
      if (start) end()
      return
    }
    start =
      event.pointerType !== 'mouse' && accepts(event.target)
        ? { x: event.clientX, y: event.clientY, id: event.pointerId }
        : null
  })
  root.addEventListener('pointermove', event => {
    if (start && event.pointerId === start.id) move?.(event.clientX - start.x, event.clientY - start.y)
  })
  root.addEventListener('pointerup', event => {
    if (!start || event.pointerId !== start.id) return
    const dx = event.clientX - start.x
    const dy = event.clientY - start.y
    end()
    if (Math.abs(dx) >= DISTANCE && Math.abs(dx) > 1.5 * Math.abs(dy)) (dx < 0 ? left : right)()
    else if (dy >= DOWN && dy > 1.5 * Math.abs(dx)) down()
  })
  root.addEventListener('pointercancel', end)
}

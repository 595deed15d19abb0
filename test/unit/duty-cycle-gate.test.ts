import t from 'tap'
import { DutyCycleGate } from '../../src/util/duty-cycle-gate.ts'

t.test('one at a time, then shut for three times the work at a quarter share', async t => {
  let clock = 1000
  const gate = new DutyCycleGate(0.25, () => clock)
  const leave = gate.tryEnter()
  t.ok(leave, 'an idle gate lets the first in')
  t.equal(gate.tryEnter(), null, 'a second is refused while the first works')
  clock += 100
  leave?.()
  leave?.()
  t.equal(gate.tryEnter(), null, 'right after 100 ms of work it rests')
  clock += 299
  t.equal(gate.tryEnter(), null, 'still resting at 299 ms')
  clock += 1
  t.ok(gate.tryEnter(), 'open again after 300 ms')
})

t.test('a clock that jumps back never keeps the gate shut for long', async t => {
  let clock = 10_000_000
  const gate = new DutyCycleGate(0.25, () => clock)
  const leave = gate.tryEnter()
  clock += 60_000
  leave?.()
  t.equal(gate.tryEnter(), null, 'a long check rests at most two seconds')
  clock += 2000
  const again = gate.tryEnter()
  t.ok(again, 'open after two seconds')
  again?.()
  clock -= 3_600_000
  t.ok(gate.tryEnter(), 'an hour back in time does not shut it')
})

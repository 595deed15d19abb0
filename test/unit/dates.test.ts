import t from 'tap'
import {
  dateTimeTitle,
  dayTitle,
  monthRangeTitle,
  monthTitle,
  nextMonthStart,
  rangeTitle
} from '../../src/views/dates.ts'

t.test('months and days read as people write them', async t => {
  t.equal(monthTitle('2024-07'), 'July 2024')
  t.equal(monthTitle('2008-10'), 'October 2008')
  t.equal(dayTitle('2024-07-03T10:00:00'), '3 July 2024')
  t.equal(dayTitle('2008-12-31T23:59:59'), '31 December 2008', 'the local date as shot, whatever the server’s zone')
  t.equal(dateTimeTitle('2024-07-03T10:05:00'), '3 July 2024, 10:05')
  t.equal(dayTitle(null), 'Unknown date')
  t.equal(dateTimeTitle(null), 'Unknown date')
})

t.test('ranges say each part once', async t => {
  t.equal(rangeTitle('2024-07-03T10:00:00', '2024-07-03T18:00:00'), '3 July 2024')
  t.equal(rangeTitle('2024-07-03T10:00:00', '2024-07-09T18:00:00'), '3 – 9 July 2024')
  t.equal(rangeTitle('2024-07-03T10:00:00', '2025-03-01T08:00:00'), '3 July 2024 – 1 March 2025')
  t.equal(rangeTitle(null, '2024-07-03T10:00:00'), '')
})

t.test('month ranges (link previews) name months only', async t => {
  t.equal(monthRangeTitle('2019-06-03T10:00:00', '2019-06-29T18:00:00'), 'June 2019')
  t.equal(monthRangeTitle('2019-06-03T10:00:00', '2019-08-01T08:00:00'), 'June – August 2019')
  t.equal(monthRangeTitle('2018-12-30T10:00:00', '2019-03-01T08:00:00'), 'December 2018 – March 2019')
  t.equal(monthRangeTitle(null, '2019-03-01T08:00:00'), '')
})

t.test('the month after', async t => {
  t.equal(nextMonthStart('2024-07'), '2024-08-01')
  t.equal(nextMonthStart('2024-12'), '2025-01-01')
})

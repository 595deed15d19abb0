import t from 'tap'
import { buildTestApp } from '../helper.ts'
import { unknownLinkBody } from './visitor-helpers.ts'

t.test('a malformed visitor URL answers exactly like an unknown link; elsewhere a readable 400 page', async t => {
  const { app } = await buildTestApp(t, { library: 'empty' })
  const invalid = await unknownLinkBody(app)
  for (const url of ['/s/abc/def/%zz', '/s/%E0%A4%A', '/s/abc/%']) {
    const res = await app.inject({ url })
    t.equal(res.statusCode, 404, url)
    t.equal(res.body, invalid, `${url}: same body as an unknown link`)
    t.equal(res.headers['referrer-policy'], 'no-referrer')
    t.match(String(res.headers['cache-control']), /^private/)
  }
  const owner = await app.inject({ url: '/albums/%zz' })
  t.equal(owner.statusCode, 400)
  t.match(owner.headers['content-type'], 'text/html')
  t.notMatch(owner.body, '%zz', 'the bad address is not echoed')
})

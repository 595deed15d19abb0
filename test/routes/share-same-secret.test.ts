import t from 'tap'
import {
  addLink,
  albumOfKind,
  manualAlbum,
  ownerApp,
  ownerGet,
  rowHtml,
  saveLink,
  storedLink
} from './share-helpers.ts'

/** A fresh link on each of two albums. */
async function linkEach(
  o: Parameters<typeof addLink>[0],
  x: Parameters<typeof addLink>[1],
  y: Parameters<typeof addLink>[1]
) {
  return [(await storedLink(o, await addLink(o, x)))!, (await storedLink(o, await addLink(o, y)))!] as const
}

t.test('one secret on two albums shares both, and each row names the other', async t => {
  const o = await ownerApp(t)
  const a = await albumOfKind(o, 'month')
  const b = await albumOfKind(o, 'state')
  const [linkA, linkB] = await linkEach(o, a, b)

  const saved = await saveLink(o, b, linkB, { secret: linkA.token })
  t.equal(saved.statusCode, 303, 'a secret of another album is allowed')
  t.equal((await storedLink(o, linkB.id))!.token, linkA.token)

  for (const [album, link, other] of [
    [b, linkB, a],
    [a, linkA, b]
  ] as const) {
    const row = rowHtml((await ownerGet(o, `/albums/${album.uid}/share`)).body, link.id)
    t.match(
      row,
      new RegExp(`This secret also shares: <a href="/albums/${other.uid}">${other.title}</a>`),
      `${album.title} names ${other.title}`
    )
  }

  const visit = await o.app.inject({ url: `/s/${linkA.token}` })
  t.equal(visit.statusCode, 200, 'the visitor gets a list of the shared albums')
  t.match(visit.body, a.title)
  t.match(visit.body, b.title)
})

t.test('two albums with the same slug under one secret get URLs by uid', async t => {
  const o = await ownerApp(t)
  const first = await manualAlbum(o, 'Holiday')
  const second = await manualAlbum(o, 'Holiday')
  const [link1, link2] = await linkEach(o, first, second)
  t.match(
    rowHtml((await ownerGet(o, `/albums/${first.uid}/share`)).body, link1.id),
    `/s/${link1.token}/holiday"`,
    'the slug while it is unambiguous'
  )
  await saveLink(o, second, link2, { secret: link1.token })
  for (const [album, link] of [
    [first, link1],
    [second, link2]
  ] as const) {
    const row = rowHtml((await ownerGet(o, `/albums/${album.uid}/share`)).body, link.id)
    t.match(row, `/s/${link1.token}/${album.uid}"`, `${album.uid} is addressed by uid`)
  }
})

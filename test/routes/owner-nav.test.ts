import t from 'tap'
import { gridUids } from './owner-helpers.ts'
import { addLink, albumOfKind, manualAlbum, ownerApp, ownerGet, type Owner } from './share-helpers.ts'

/** The href of the side navigation entry marked aria-current="page", or null. */
async function currentNav(o: Owner, url: string): Promise<string | null> {
  const res = await ownerGet(o, url)
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`)
  const nav = /<nav class="sidenav"[\s\S]*?<\/nav>/.exec(res.body)?.[0] ?? ''
  const marked = [...nav.matchAll(/<a href="([^"]+)" aria-current="page">/g)].map(m => m[1])
  if (marked.length > 1) throw new Error(`${url}: several current entries ${marked.join(' ')}`)
  return marked[0] ?? null
}

t.test("the photo page and the share page highlight the list of the album's kind", async t => {
  const o = await ownerApp(t)
  for (const [kind, list] of [
    ['state', '/states'],
    ['moment', '/moments'],
    ['month', '/calendar'],
    ['folder', '/folders']
  ] as const) {
    const album = await albumOfKind(o, kind)
    const [photo] = gridUids((await ownerGet(o, `/albums/${album.uid}`)).body)
    t.equal(await currentNav(o, `/albums/${album.uid}`), list, `${kind} album page: ${list}`)
    t.equal(
      await currentNav(o, `/photos/${photo}?album=${album.uid}`),
      list,
      `${kind} photo page with ?album=: ${list}`
    )
    t.equal(await currentNav(o, `/albums/${album.uid}/share`), list, `${kind} share page: ${list}`)
    if (kind === 'state') {
      t.equal(await currentNav(o, `/photos/${photo}`), '/photos', 'a photo without ?album= stays under Photos')
      const id = await addLink(o, album)
      t.equal(await currentNav(o, `/albums/${album.uid}/links/${id}/delete`), list, `${kind} delete-link page: ${list}`)
    }
  }
  const manual = await manualAlbum(o, 'Nav check')
  t.equal(await currentNav(o, `/albums/${manual.uid}/share`), '/albums', "a manual album's share page: /albums")
  t.equal(await currentNav(o, '/links'), '/links', 'the links overview: /links')
})

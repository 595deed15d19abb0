import t from 'tap'
import type { Album, AlbumKind } from '../../src/db/schema.ts'
import { ownerPost } from '../helper.ts'
import { albumOfKind, allLinks, cardHtml, manualAlbum, ownerApp, ownerGet, type Owner } from './share-helpers.ts'

const LIST: Record<AlbumKind, string> = {
  album: '/albums',
  moment: '/moments',
  month: '/calendar',
  state: '/states',
  folder: '/folders'
}

/** Two albums of a kind: one to share, one that stays unshared. */
async function twoAlbums(o: Owner, kind: AlbumKind): Promise<[Album, Album]> {
  if (kind === 'album') return [await manualAlbum(o, 'Summer trip'), await manualAlbum(o, 'Winter trip')]
  return [await albumOfKind(o, kind), await albumOfKind(o, kind, 1)]
}

t.test('every kind of album can be shared from its list card and its album page', async t => {
  const o = await ownerApp(t)
  for (const kind of Object.keys(LIST) as AlbumKind[]) {
    await t.test(kind, async t => {
      const [album, other] = await twoAlbums(o, kind)
      const shareHref = `href="/albums/${album.uid}/share" data-share-dialog`

      let list = await ownerGet(o, LIST[kind])
      t.equal(list.statusCode, 200)
      const card = cardHtml(list.body, album.uid)
      t.match(
        card,
        new RegExp(`<details class="menu">[\\s\\S]*<a ${shareHref}>[\\s\\S]*Share</a>`),
        'context menu has Share'
      )
      t.notMatch(card, 'cover-share', 'an unshared card has no share icon')

      let page = await ownerGet(o, `/albums/${album.uid}`)
      t.match(
        page.body,
        new RegExp(`<div class="toolbar">[\\s\\S]*<a class="icon-button" ${shareHref}[^>]*>[\\s\\S]*Share`),
        'toolbar has Share'
      )
      t.notMatch(page.body, /class="chip"/, 'no Shared chip yet')

      const dialog = await ownerGet(o, `/albums/${album.uid}/share`)
      t.equal(dialog.statusCode, 200)
      t.match(
        dialog.body,
        new RegExp(`<form method="post" action="/albums/${album.uid}/links">[\\s\\S]*Create link`),
        'one-click Create link'
      )
      t.same(
        await allLinks(o).then(l => l.filter(x => x.album_id === album.id)),
        [],
        'opening the dialog creates nothing'
      )

      const created = await ownerPost(o.app, o.session, `/albums/${album.uid}/links`)
      t.equal(created.statusCode, 303)
      const [link] = (await allLinks(o)).filter(l => l.album_id === album.id)
      t.ok(link, 'link stored')
      t.match(created.headers.location, `/albums/${album.uid}/share?open=${link.id}`)

      list = await ownerGet(o, LIST[kind])
      t.match(
        cardHtml(list.body, album.uid),
        new RegExp(`class="cover-share[^"]*" href="/albums/${album.uid}/share" data-share-dialog`),
        'shared card shows the share icon'
      )
      t.notMatch(cardHtml(list.body, other.uid), 'cover-share', 'the other card stays without it')

      page = await ownerGet(o, `/albums/${album.uid}`)
      t.match(page.body, /<span class="chip">[\s\S]*?Shared<\/span>/, 'album page shows the Shared chip')
    })
  }
})

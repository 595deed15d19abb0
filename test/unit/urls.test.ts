import t from 'tap'
import { gridUrls, ownerUrls, visitorUrls } from '../../src/views/urls.ts'
import { pageOfLink, shareUrl } from '../../src/sharing/share-urls.ts'

t.test('owner URLs are the ones the URL contract names', async t => {
  t.equal(ownerUrls.list('month'), '/calendar')
  t.equal(ownerUrls.album('a1'), '/albums/a1')
  t.equal(ownerUrls.album('a1', 'photos/remove'), '/albums/a1/photos/remove')
  t.equal(ownerUrls.albumMap('a1', 'p1'), '/albums/a1/map?photo=p1')
  t.equal(ownerUrls.shareDialog('a1'), '/albums/a1/share')
  t.equal(ownerUrls.shareDialog('a1', 7), '/albums/a1/share?open=7#link-7')
  t.equal(ownerUrls.linkDetails('a1', 7, true), '/albums/a1/share#link-7', 'an open row closes again')
  t.equal(ownerUrls.link('a1', 7, 'delete'), '/albums/a1/links/7/delete')
  t.equal(ownerUrls.linkAction(7, 'qr.png'), '/links/7/qr.png')
  t.equal(ownerUrls.selection(ownerUrls.library, 'add'), '/library/selection/add')
  t.equal(ownerUrls.photo('p1', null), '/photos/p1')
  t.equal(ownerUrls.photo('p1', 'a1'), '/photos/p1?album=a1')
  t.equal(ownerUrls.thumb('p1', 'tile'), '/media/thumb/p1/tile')
  t.equal(ownerUrls.original('p1', true), '/media/original/p1?download=1')
  t.equal(ownerUrls.login('/albums/a1?page=2'), '/login?next=%2Falbums%2Fa1%3Fpage%3D2')
  t.equal(ownerUrls.done('/photos', 2, 'added', 3, 'a1'), '/photos?page=2&done=added&n=3&to=a1')
  t.equal(ownerUrls.done('/photos', 1, 'none', 0), '/photos?done=none&n=0')
})

t.test('visitor URLs hang below the album page', async t => {
  const base = visitorUrls.album('tok', 'paris')
  t.equal(base, '/s/tok/paris')
  t.equal(visitorUrls.photo(base, 'p1'), '/s/tok/paris/p1')
  t.equal(visitorUrls.thumb(base, 'p1', 'view'), '/s/tok/paris/p1/thumb/view')
  t.equal(visitorUrls.media(base, 'p1', 'original'), '/s/tok/paris/p1/original')
  t.equal(visitorUrls.albumPart(base, 'map.geojson'), '/s/tok/paris/map.geojson')
  t.equal(visitorUrls.page(base, 1), base)
  t.equal(shareUrl('https://x.example', 'tok', 'paris'), `https://x.example${base}`)
})

t.test('every page a locked link may return to is one the password form accepts', async t => {
  const base = visitorUrls.album('tok', 'paris')
  for (const page of [
    base,
    visitorUrls.page(base, 3),
    visitorUrls.photo(base, 'p1'),
    visitorUrls.map(base),
    visitorUrls.map(base, 'p1')
  ]) {
    t.equal(pageOfLink(base, page), page, page)
  }
  t.equal(pageOfLink(base, visitorUrls.album('other', 'paris')), base, 'not another link')
})

t.test('grid links keep the page', async t => {
  t.equal(gridUrls.page(2), '?page=2')
  t.equal(gridUrls.selectAll(1), '?select=all#grid')
  t.equal(gridUrls.selectAll(3), '?page=3&select=all#grid')
  t.equal(gridUrls.clearSelection(1), '?#grid')
  t.equal(gridUrls.clearSelection(3), '?page=3#grid')
})

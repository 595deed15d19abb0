import t from 'tap'
import { buildTestApp, signIn } from '../helper.ts'
import { openLink, share, visit } from './visitor-helpers.ts'
import { cardHtml } from './share-helpers.ts'

/** The card titles of a list page, in order. */
const cardTitles = (html: string): string[] =>
  [...html.matchAll(/<h[23] class="card-title"><a href="[^"]*">([^<]*)<\/a>/g)].map(m => m[1])

t.test("a visitor's list names folders by their path relative to the photo folder, never an absolute one", async t => {
  const { app, db } = await buildTestApp(t)
  const folders = await db
    .selectFrom('albums')
    .selectAll()
    .where('kind', '=', 'folder')
    .where('filter', 'like', '%/%')
    .orderBy('title')
    .limit(2)
    .execute()
  t.equal(folders.length, 2, 'two nested folders in the demo')
  for (const folder of folders) await share(db, folder, 'folder-names-0001')
  const cookie = await openLink(app, 'folder-names-0001')
  const page = (await visit(app, '/s/folder-names-0001', cookie)).body

  const owner = await signIn(app)
  const ownerPage = (await app.inject({ url: '/folders', headers: { cookie: owner.cookie } })).body
  const ownerNames = folders.map(f => cardTitles(cardHtml(ownerPage, f.uid))[0])
  t.same(
    cardTitles(page),
    folders.map(f => f.filter),
    'the visitor sees each folder by its path in the library ("2024/paris")'
  )
  for (const [i, folder] of folders.entries()) {
    t.equal(
      ownerNames[i],
      folder.filter.split('/').at(-1),
      `the owner's card names ${folder.filter} by its last segment`
    )
    t.notMatch(page, `/${folder.filter}<`, `the visitor never sees /${folder.filter}, which reads as an absolute path`)
    t.match(ownerPage, `<span class="path">${folder.filter}</span>`, 'the owner sees the path beside the name')
    t.notMatch(ownerPage, `<span class="path">/${folder.filter}`, 'without a leading slash')
  }
  t.match(page, /\d+ photos?[^<]*\s+· [^<]*\d{4}\s*<\/p>/, 'a folder card shows its dates instead')
})

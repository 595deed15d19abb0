import type { Kysely } from 'kysely'
import { generatedId } from './dialect.ts'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('photos')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('uid', 'varchar(32)', c => c.notNull().unique())
    .addColumn('path', 'text', c => c.notNull().unique())
    .addColumn('hash', 'varchar(64)')
    .addColumn('mime', 'varchar(64)')
    .addColumn('bytes', 'bigint', c => c.notNull())
    .addColumn('mtime_ms', 'bigint', c => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('taken_at', 'varchar(19)')
    .addColumn('taken_at_utc', 'varchar(24)')
    .addColumn('taken_estimated', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('country_code', 'varchar(2)')
    .addColumn('country', 'text')
    .addColumn('state', 'text')
    .addColumn('folder', 'text', c => c.notNull())
    .addColumn('title', 'text')
    .addColumn('description', 'text')
    .addColumn('camera', 'text')
    .addColumn('private', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('archived', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('missing', 'integer', c => c.notNull().defaultTo(0))
    .addColumn('indexed_at', 'varchar(24)', c => c.notNull())
    .addColumn('error', 'text')
    .execute()
  await db.schema.createIndex('photos_taken_at').on('photos').columns(['taken_at', 'id']).execute()
  await db.schema.createIndex('photos_folder').on('photos').columns(['folder', 'taken_at']).execute()
  await db.schema.createIndex('photos_place').on('photos').columns(['country_code', 'state', 'taken_at']).execute()

  await db.schema
    .createTable('albums')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('uid', 'varchar(32)', c => c.notNull().unique())
    .addColumn('kind', 'varchar(16)', c => c.notNull())
    .addColumn('slug', 'varchar(160)', c => c.notNull())
    .addColumn('title', 'text', c => c.notNull())
    .addColumn('description', 'text', c => c.notNull().defaultTo(''))
    .addColumn('filter', 'text', c => c.notNull())
    .addColumn('cover_photo_id', 'integer', c => c.references('photos.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(24)', c => c.notNull())
    .addColumn('updated_at', 'varchar(24)', c => c.notNull())
    .addUniqueConstraint('albums_kind_filter', ['kind', 'filter'])
    .execute()
  await db.schema.createIndex('albums_slug').on('albums').column('slug').execute()

  await db.schema
    .createTable('album_photos')
    .addColumn('album_id', 'integer', c => c.notNull().references('albums.id').onDelete('cascade'))
    .addColumn('photo_id', 'integer', c => c.notNull().references('photos.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('album_photos_pk', ['album_id', 'photo_id'])
    .execute()
  await db.schema.createIndex('album_photos_photo').on('album_photos').column('photo_id').execute()

  await db.schema
    .createTable('links')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('token', 'varchar(64)', c => c.notNull())
    .addColumn('album_id', 'integer', c => c.notNull().references('albums.id').onDelete('cascade'))
    .addColumn('expires_at', 'varchar(24)')
    .addColumn('created_at', 'varchar(24)', c => c.notNull())
    .addColumn('updated_at', 'varchar(24)', c => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('views', 'integer', c => c.notNull().defaultTo(0))
    .addUniqueConstraint('links_token_album', ['token', 'album_id'])
    .execute()
  await db.schema.createIndex('links_album').on('links').column('album_id').execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('name', 'varchar(64)', c => c.notNull().unique())
    .addColumn('password_hash', 'text', c => c.notNull())
    .addColumn('created_at', 'varchar(24)', c => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['users', 'links', 'album_photos', 'albums', 'photos']) await db.schema.dropTable(t).execute()
}

import type { Kysely } from 'kysely'

/**
 * Videos and Live Photos: what kind of file a row is, a video's duration and
 * codecs, whether browsers play the original as it is, and, for the motion
 * clip of a Live Photo, the still it belongs to (such clips are not listed
 * on their own).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('photos')
    .addColumn('media', 'varchar(8)', c => c.notNull().defaultTo('image'))
    .execute()
  await db.schema.alterTable('photos').addColumn('duration', 'double precision').execute()
  await db.schema.alterTable('photos').addColumn('video_codec', 'varchar(32)').execute()
  await db.schema.alterTable('photos').addColumn('audio_codec', 'varchar(32)').execute()
  await db.schema
    .alterTable('photos')
    .addColumn('playable', 'integer', c => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('photos')
    .addColumn('companion_of', 'integer', c => c.references('photos.id').onDelete('set null'))
    .execute()
  await db.schema.createIndex('photos_companion_of').on('photos').column('companion_of').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('photos_companion_of').execute()
  for (const column of ['companion_of', 'playable', 'audio_codec', 'video_codec', 'duration', 'media']) {
    await db.schema.alterTable('photos').dropColumn(column).execute()
  }
}

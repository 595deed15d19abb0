import fp from 'fastify-plugin'
import { LinkStats } from '../sharing/link-stats.ts'

/** One buffer of link statistics for the whole app, written out when the server stops. */
export default fp(
  async app => {
    const stats = new LinkStats(app.db, 10_000, err => {
      app.log.error({ err }, 'could not store link statistics')
    })
    app.decorate('linkStats', stats)
    app.addHook('onClose', async () => {
      await stats.stop()
    })
  },
  { name: 'link-stats' }
)

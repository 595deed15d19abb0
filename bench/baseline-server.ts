import Fastify, { type FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'

/** Bare Fastify + @fastify/static over one folder: the baseline every serving figure is compared to. */
export async function startStatic(root: string): Promise<{ app: FastifyInstance; origin: string }> {
  const app = Fastify({ logger: false })
  await app.register(fastifyStatic, { root })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  return { app, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` }
}

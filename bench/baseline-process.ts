import { readFile } from 'node:fs/promises'
import Fastify from 'fastify'
import fastifyStatic from '@fastify/static'

/**
 * The serving baseline in its own process: bare Fastify answering
 * GET /page with the bytes of `page` held in memory, and @fastify/static over
 * `root`. Usage: baseline-process.ts <root> <page>; prints "listening on <origin>".
 */
const [root, pageFile] = [process.argv[2], process.argv[3]]
const page = await readFile(pageFile)
const app = Fastify({ logger: false })
app.get('/page', async (_request, reply) => await reply.type('text/html; charset=utf-8').send(page))
await app.register(fastifyStatic, { root, prefix: '/static/' })
const origin = await app.listen({ port: 0, host: '127.0.0.1' })
console.log(`listening on ${origin}`)
process.stdin.on('close', () => process.exit(0)).resume()

import type { FastifyInstance } from "fastify"
export default async function shareRoutes (_app: FastifyInstance): Promise<void> {}

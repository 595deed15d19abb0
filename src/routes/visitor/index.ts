import type { FastifyInstance } from "fastify"
export default async function visitorRoutes (_app: FastifyInstance): Promise<void> {}

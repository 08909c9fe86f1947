import { DomainError } from '@liuhen/domain';
import type { FastifyRequest } from 'fastify';
import type { UserActor } from '../use-cases/context';

declare module 'fastify' {
  interface FastifyRequest {
    actor: UserActor | null;
  }
}

/** The signed-in user of a route that declared `onRequest: requireUser`. */
export const actorOf = (request: FastifyRequest): UserActor => {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED');

  return request.actor;
};

export const clientOf = (request: FastifyRequest) => ({
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent'] ?? null,
});

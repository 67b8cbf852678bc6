import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { GATEWAY_CONFIG, GatewayConfig } from '../gateway.config';

/**
 * Every /api route needs `Authorization: Bearer <key>` with one of ADMIN_API_KEYS. Keys are compared
 * as SHA-256 digests in constant time, so neither the key nor its length leaks through timing.
 */
@Injectable()
export class AdminApiKeyGuard implements CanActivate {
  private readonly keyDigests: Buffer[];

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.keyDigests = config.ADMIN_API_KEYS.map(digest);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.path.startsWith('/api/') && request.path !== '/api') return true;
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match)
      throw new UnauthorizedException('an admin API key is required: Authorization: Bearer <key>');
    const presented = digest(match[1]);
    if (!this.keyDigests.some((known) => timingSafeEqual(known, presented))) {
      throw new UnauthorizedException('the admin API key is not valid');
    }
    return true;
  }
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

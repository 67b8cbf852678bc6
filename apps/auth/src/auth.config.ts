import { IsServiceUrl, WorkerConfig, withExactAccess } from '@app/common';
import { Expose } from 'class-transformer';
import { IsNotEmpty, IsString } from 'class-validator';

export class AuthConfig extends withExactAccess(WorkerConfig) {
  override HTTP_PORT = 3001;

  @Expose()
  @IsString()
  @IsNotEmpty()
  EXACT_CLIENT_ID: string;

  @Expose()
  @IsString()
  @IsNotEmpty()
  EXACT_CLIENT_SECRET: string;

  /** Must be the redirect URI the gateway sent the user with (the code is bound to it). */
  @Expose()
  @IsServiceUrl(['http', 'https'])
  EXACT_REDIRECT_URI: string;
}

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

import { JwtService } from '@nestjs/jwt';
import type { TokenPayload } from './auth-principal';

export interface VerifiedToken extends TokenPayload {
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expires at, seconds since the epoch; a token without one is never accepted. */
  exp: number;
}

/** The payload of a valid, unexpired session token of the given kind, or undefined. */
export async function verifySessionToken(
  jwt: JwtService,
  token: string,
  kind: TokenPayload['typ'],
): Promise<VerifiedToken | undefined> {
  try {
    const payload = await jwt.verifyAsync<Partial<VerifiedToken>>(token, { algorithms: ['HS256'] });
    const valid =
      payload.typ === kind &&
      Number.isInteger(payload.sub) &&
      typeof payload.exp === 'number' &&
      typeof payload.iat === 'number';
    return valid ? (payload as VerifiedToken) : undefined;
  } catch {
    return undefined;
  }
}

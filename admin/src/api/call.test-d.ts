// Type-level test, checked by `pnpm typecheck`: `call<T>` is a check, not a cast. The generated contract's
// response type must fit the shared type an endpoint function names, so a server change that the admin's
// types do not follow fails the typecheck instead of reaching a page.
import type { AdminTierView } from '@member-commerce/shared';
import { api, call } from './client';

export const sharedTypeThatFits = (): Promise<AdminTierView[]> => call<AdminTierView[]>(api.GET('/api/admin/tiers'));

// @ts-expect-error the contract answers a list of tiers, not a number
export const sharedTypeThatDrifted = (): Promise<number> => call<number>(api.GET('/api/admin/tiers'));

export const unnamedIsTheContract = async (): Promise<string> => (await call(api.GET('/api/admin/tiers')))[0].name;

// Type-level test, checked by `pnpm typecheck`: `call<T>` is a check, not a cast. The generated contract's
// response type must fit the shared type an endpoint function names, so a server change that the storefront's
// types do not follow fails the typecheck instead of reaching a page.
import type { CategoryView } from '@member-commerce/shared';
import { publicApi, call } from './request';

export const sharedTypeThatFits = (): Promise<CategoryView[]> => call<CategoryView[]>(publicApi.GET('/api/categories'));

// @ts-expect-error the contract answers a list of categories, not a number
export const sharedTypeThatDrifted = (): Promise<number> => call<number>(publicApi.GET('/api/categories'));

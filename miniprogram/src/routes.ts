// Every page path has its home in shared/src/storefront-pages.ts (the server and the admin name pages too).
export { Routes, SubpackageRoots, TabRoutes, type Route } from '@member-commerce/shared';

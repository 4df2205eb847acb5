import { Foundation1763884800000 } from './1763884800000-foundation';

/** Every migration, in order. New ones are appended here. */
export const migrations = [Foundation1763884800000];

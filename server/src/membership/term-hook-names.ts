/** Names of the membership hooks other features' hooks run after (they read the term these write). */
export const TERM_FROM_PAYMENT_HOOK = 'membership: term for a paid membership order';
export const TERM_REMOVAL_HOOK = 'membership: a refund that ends the order removes its term';

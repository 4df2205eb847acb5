/** A picture this shop stored: a content-hash name (or its thumbnail), see MediaService.store. */
const STORED_KEY = /^[0-9a-f]{32}(\.thumb)?\.(jpg|png|gif)$/;

/** The storage key a URL points at when it is one of ours (`storageUrl(key) === url`), else null. */
export function storedKeyOf(url: string, storageUrl: (key: string) => string): string | null {
  const key = url.slice(url.lastIndexOf('/') + 1);
  return STORED_KEY.test(key) && storageUrl(key) === url ? key : null;
}

/** An https URL whose host is on the shop's allow-list (no credentials, no other scheme). */
export function isAllowedExternalImage(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    !parsed.username &&
    !parsed.password &&
    allowedHosts.includes(parsed.hostname.toLowerCase())
  );
}

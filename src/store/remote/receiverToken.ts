const TOKEN_KEY = 'lifecycle-lab:receiver-token';

/**
 * The receiver's token for this tab: from the `?token=` of the URL the receiver printed, kept
 * for the tab's reloads; `null` when the page was opened without one.
 */
export function receiverToken(): string | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  try {
    if (fromUrl !== null && fromUrl !== '') {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
      return fromUrl;
    }
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return fromUrl === '' ? null : fromUrl; // storage disabled: the URL is all there is
  }
}

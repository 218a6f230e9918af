// What program output may do with links: an OSC 8 hyperlink opens only when
// the user clicks it (left button), only over http(s), in a new tab that
// cannot reach back to the page. No DOM besides the `open` passed in.

export interface LinkEvent {
  button: number;
}

export type Opener = (url: string, target: string, features: string) => unknown;

/** Opens `uri` for a left click on an http(s) link; anything else does nothing. Returns whether it opened. */
export function activateLink(event: LinkEvent, uri: string, open: Opener): boolean {
  if (event.button !== 0) return false;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  open(url.href, '_blank', 'noopener,noreferrer');
  return true;
}

/**
 * OSC sequences the page answers with nothing: 52 would read or set the
 * clipboard (xterm has no handler without its clipboard addon; this keeps it
 * so should one be added).
 */
export const SWALLOWED_OSC = [52] as const;

import { describe, expect, it } from 'vitest';
import { activateLink } from './links.ts';
import { nextKey } from './lineEditor.ts';

describe('links in program output', () => {
  it('open only on a left click, only http(s), without an opener', () => {
    const opened: unknown[][] = [];
    const open = (...args: unknown[]) => opened.push(args);
    expect(activateLink({ button: 0 }, 'https://docs.docker.com/', open)).toBe(true);
    expect(opened).toEqual([['https://docs.docker.com/', '_blank', 'noopener,noreferrer']]);
    expect(activateLink({ button: 1 }, 'https://example.com/', open)).toBe(false);
    expect(activateLink({ button: 2 }, 'https://example.com/', open)).toBe(false);
    expect(activateLink({ button: 0 }, 'javascript:alert(1)', open)).toBe(false);
    expect(activateLink({ button: 0 }, 'file:///etc/passwd', open)).toBe(false);
    expect(activateLink({ button: 0 }, 'data:text/html,hi', open)).toBe(false);
    expect(activateLink({ button: 0 }, 'not a url', open)).toBe(false);
    expect(opened.length).toBe(1);
  });
});

describe('terminal replies in the input', () => {
  it('an OSC reply (a colour report) is one key the editor ignores, not text for the line', () => {
    expect(nextKey('\x1b]11;rgb:0d0d/1111/1717\x1b\\ls')).toEqual(['\x1b]11;rgb:0d0d/1111/1717\x1b\\', 'ls']);
    expect(nextKey('\x1b]10;rgb:e6e6/eded/f3f3\x07x')).toEqual(['\x1b]10;rgb:e6e6/eded/f3f3\x07', 'x']);
    // Alt-] alone stays a key
    expect(nextKey('\x1b]')).toEqual(['\x1b]', '']);
  });
});

// Vectors made with Python's bz2 module (libbzip2 1.0.8).
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../layer/sha256.ts';
import { bunzip2, Bzip2Error } from './bunzip2.ts';

const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const text = (b: Uint8Array) => new TextDecoder().decode(b);

const HELLO = 'QlpoOTFBWSZTWdSvxd0AAAxRgYAQQAAiRIBwAIAACCAAMQNA0BFTQNMnG2NA8dldZGEBuhBsQZD4u5IpwoSGpX4u6A==';
const EMPTY = 'QlpoORdyRThQkAAAAAA=';
const CAT = 'QlpoOTFBWSZTWXgTwIIAAAHBAAAQAgGgACGaaDNNDLxdyRThQkHgTwIIQlpoOTFBWSZTWS63GtcAAAFBgAAQAACEgCAAIZpoM00HPF3JFOFCQLrca1w=';
/** 400 random bytes, a sentence 40 times, 300 zeros; compressed with level 1. */
const MIXED =
  'QlpoMTFBWSZTWeCCbyUAAQ7//+u///f/O3/72vX1///////t//9//9t9ur+//PvZVf8/QAHXNBspANAaaAAA000AANGQBppoADTTQABoAAAADQAA0ABoaaGgADQNGQ2poDam1CqTQHqAA0AAD1AAAGgAaBpoAaA0BoABkDQaA00AAAAaGgaA00DQA0aDIEDQ0AAaGgDQyGQBoyGQDRoMgMEAyBpoAAyNDQDQABoANADQAANAAGgMElUo09NIMmgDRoyaGhoDEAaDTIxDQ0wgGgwQDQyaDaj9UBk0Gg0ZNGINM1NDJtTT9SaDTajJk0aA0EK6JEAOLQl8da2IL+f6YdyD1lTF/slyFf8XrLRZ+wn1kB+Bsmlaz0YPgWsd3h3hFpCP2/1UVGUenhqBh/bAIfQEXkBE4AhgBGSAQ3AQ0AQ3AR+ZS1uIy+aPh6DYZfs8ThMaVx9Y6/Tj045ICKX2SFTU+rLUWpiRRgFw6NaObrIdleH+HlfPxKXgddAGpoJ4ykFhvklWIw2ZNmOz2PEYeZSQMuJ50xRXXx3F2e6HhPI04HTw29hbGehW9fMt5oBEjiQEOqsBHFZdgEbXjuABFLu8OAjRZ93bAIg8n5QEPgCPEAjzgIagIdOWvmARU+nustgEPACMU5AQ84IBFG1AQ9gIfAEeGvAQ7AIwYCLm1gnICKLeAIuP08AIYZAQyAi7fQBHW0N4ARP8GAbAAAgBo2AABAF6PJI+/O6fyhMvvTTnQqApvXUoT4qQ8WK23K3QWK8+mWOJ8iHjGHDX3pNbCfPlr0BvNO1g6oPw9mkaXT8PRoBERqw226FPmW0NcioXgJji+v8o/6zBFEAvgrJi2dAbyx3eUyToSiIFogAw8ZP9t+gQh6UTzhBAN9wQJPusJqxhXE6z4Rxf+6MIwKIzI4fndEOnHhmTruCoUDLDT4pBcYQ0yaFoyA79IFbBJE9VFO3aJDtAkrSpcUeKEEPqnj/F3JFOFCQ4IJvJQA==';

describe('bunzip2', () => {
  it('decodes runs, MTF symbols and several Huffman groups', () => {
    expect(text(bunzip2(b64(HELLO)))).toBe('hello hello hello\n' + 'a'.repeat(1000) + 'xyz'.repeat(50));
    const mixed = bunzip2(b64(MIXED));
    expect(mixed.length).toBe(2500);
    expect(sha256Hex(mixed)).toBe('22170ea7df49d54f40b8b042a4b8c9f369fcf22b422325c1df079916c29a3963');
  });

  it('an empty stream, and streams one after the other', () => {
    expect(bunzip2(b64(EMPTY)).length).toBe(0);
    expect(text(bunzip2(b64(CAT)))).toBe('one\ntwo\n');
  });

  it('refuses damage: a changed byte, a cut stream, no magic', () => {
    const bad = b64(HELLO);
    bad[30]! ^= 0x10;
    expect(() => bunzip2(bad)).toThrow(Bzip2Error);
    expect(() => bunzip2(b64(HELLO).subarray(0, 40))).toThrow(Bzip2Error);
    expect(() => bunzip2(new TextEncoder().encode('hello'))).toThrow('bad magic number');
  });
});

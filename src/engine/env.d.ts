// The two WHATWG encoding classes exist in every runtime Berth runs on
// (browsers and Node); the engine may use them without pulling in the DOM lib.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: Uint8Array): string;
}

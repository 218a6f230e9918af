// Small formatting helpers the panels share (sizes as docker prints them, short IDs).
import { humanSize } from '../../cli/format/units.ts';

export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

export function size(bytes: number): string {
  return humanSize(bytes);
}

/** A stable hue for a container (any colour). */
export function hue(key: string): number {
  return hash(key) % 360;
}

/** A stable hue for an image layer: greens to violets, leaving amber to the read-write layer and pink to the init layer. */
export function layerHue(chainId: string): number {
  return 90 + (hash(chainId) % 170);
}

export const RW_HUE = 35;
export const INIT_HUE = 320;

function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

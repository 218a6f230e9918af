// Small formatting helpers the panels share (sizes as docker prints them, short IDs).
import { humanSize } from '../../cli/format/units.ts';

export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

export function size(bytes: number): string {
  return humanSize(bytes);
}

/** A stable hue for a layer or container (colour helps match shared layers across images). */
export function hue(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 360;
}

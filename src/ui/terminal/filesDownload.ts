// A file of a simulated machine saved on the learner's disk: its bytes as a
// Blob, handed to the browser as a download under the file's own name.
import { mediaType } from './files.ts';

export function downloadBytes(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType(name) });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // the browser has read the URL once the click is handled; a minute covers a slow save dialog
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

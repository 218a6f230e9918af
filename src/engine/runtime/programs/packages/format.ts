// Number and list formats the package tools print.

/**
 * apt's SizeToStr (apt-pkg/contrib/strutl.cc): powers of 1000, one decimal
 * below 100 of a unit, none up to 9999; the caller appends 'B'. C locale:
 * no thousands separator.
 */
export function aptSize(bytes: number): string {
  const ext = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z'];
  let size = bytes;
  for (let i = 0; i < ext.length; i++) {
    if (size < 100 && i !== 0) return `${size.toFixed(1)} ${ext[i]}`;
    if (size < 10000) return `${size.toFixed(0)} ${ext[i]}`;
    size /= 1000;
  }
  return `${size.toFixed(0)} Y`;
}

/** apt's TimeToStr: 0s, 59s, 1min 33s, 1h 2min 3s. */
export function aptTime(seconds: number): string {
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}min ${s % 60}s`;
  if (s >= 60) return `${Math.floor(s / 60)}min ${s % 60}s`;
  return `${s}s`;
}

/** apt's ShowList: two-space indent, wrapped at `width` columns (apt 1.0 fills 79, apt 2 78). */
export function aptList(names: string[], width = 78): string {
  const lines: string[] = [];
  let line = ' ';
  for (const n of names) {
    if (line.length + 1 + n.length > width && line.trim() !== '') {
      lines.push(line);
      line = ' ';
    }
    line += ' ' + n;
  }
  lines.push(line);
  return lines.join('\n') + '\n';
}

/** Human sizes with one decimal and a binary unit (apk's "OK: 9 MiB", pip's "1.2 MB"). */
export function mib(bytes: number): string {
  return `${Math.round(bytes / 1048576)} MiB`;
}

// go-units HumanDuration: `Up 3 seconds`, `Exited (0) 2 minutes ago`. The
// daemon words `docker ps` STATUS itself, so this lives in the engine; the
// CLI re-exports it for CREATED columns.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's Duration.Seconds()/Minutes()/Hours(): whole units plus the fraction. */
function inUnits(ms: number, unit: number): number {
  return Math.trunc(ms / unit) + (ms % unit) / unit;
}

/** units.HumanDuration, for a duration in milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(inUnits(ms, SECOND));
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(inUnits(ms, MINUTE));
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  // Hours round to the nearest; the larger units then divide whole hours down.
  const hours = Math.trunc(inUnits(ms, HOUR) + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(inUnits(ms, HOUR)) / 24 / 365)} years`;
}


// The browser's IANA time zone, read once per circuit by the layout for UserClock.
export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

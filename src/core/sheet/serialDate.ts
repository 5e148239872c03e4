/** Excel's 1900 date system: serial 25569 is 1970-01-01; serials below 60 are shifted by Excel's 29 Feb 1900. */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

export function serialToDate(serial: number): Date {
  const days = serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - UNIX_EPOCH_SERIAL) * DAY_MS));
}

export function dateToSerial(date: Date): number {
  const days = date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
  return days < 60 ? days - 1 : days;
}

/** Raw query values differ by driver: MySQL gives numbers and Dates, SQLite strings for datetimes and sums. */
export const rawNumber = (value: unknown): number => Number(value ?? 0);

export function rawDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The instant a calendar day (YYYY-MM-DD) begins in the shop's time zone, `plusDays` later. */
export function shopDayStart(day: string, timeZone: string, plusDays = 0): Date {
  return dayjs.tz(day.slice(0, 10), timeZone).add(plusDays, 'day').toDate();
}

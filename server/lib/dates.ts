/** Today's date (YYYY-MM-DD) where the food bank is: the server's local time zone (set TZ). */
export function today(now: Date = new Date()): string {
  return now.toLocaleDateString('sv-SE');
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

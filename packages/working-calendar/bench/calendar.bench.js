// Rough ops/s of the calls SLA checks make in bulk, on the built dist: `npm run build` first, then `node bench/calendar.bench.js`.
const { WorkingCalendar, beijingInstant } = require('../dist');

const cal = new WorkingCalendar();
const FIFTEEN_DAYS = 15 * cal.hours.dailyMs;
const DAY = 86_400_000;
// Start instants spread over 2026 (holidays, weekends, nights included) so no single path is measured.
const starts = Array.from(
  { length: 1024 },
  (_, i) => new Date(beijingInstant('2026-01-01', '00:00').getTime() + i * 8.5 * 3_600_000),
);

function bench(name, fn) {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += fn(i); // warm up
  const n = 500_000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += fn(i);
  const ns = Number(process.hrtime.bigint() - t0);
  globalThis.benchSink = sink; // keeps the results alive so the calls are not optimised away
  console.log(
    `${name}: ${Math.round((n / ns) * 1e9).toLocaleString('en')} ops/s (${(ns / n / 1000).toFixed(2)} µs/op)`,
  );
}

bench('addWorkingTime(15 working days)', (i) => cal.addWorkingTime(starts[i & 1023], FIFTEEN_DAYS).getTime());
bench('workingTimeBetween(90 days)', (i) => {
  const a = starts[i & 1023];
  return cal.workingTimeBetween(a, new Date(a.getTime() + 90 * DAY));
});
bench('closeOfWorkingDay(15)', (i) => cal.closeOfWorkingDay(starts[i & 1023], 15).getTime());

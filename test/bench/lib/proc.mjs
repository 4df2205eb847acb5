import { readFileSync } from 'node:fs';

/** CPU seconds (user + system) `pid` has used: on a shared machine, work per CPU-second says more than work per second. */
export const cpuOf = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** Resident memory of `pid` in bytes. */
export const rssOf = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

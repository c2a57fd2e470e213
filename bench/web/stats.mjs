// Summaries and units for the tables.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** {median, min, max} of `values`. */
export function summary(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** Milliseconds as "1.23 ms" or, under one, "45.6 us". */
export function formatMs(ms) {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} us` : `${ms.toFixed(2)} ms`;
}

/** Bytes as kB (1000 bytes), as the budgets are written. */
export function formatKb(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export const verdict = (ok) => (ok ? 'PASS' : 'MISS');

/**
 * The progress bar on stderr (only when stderr is a terminal and not --quiet).
 * cli-progress does the terminal work (redraw throttling, width, cursor, ETA smoothing);
 * we only feed it counts.
 */
import cliProgress from 'cli-progress';

export interface ProgressState {
  done: number;
  total: number;
  bytes: number;
  failures: number;
  startedAt: number;
}

export interface Progress {
  update(state: ProgressState): void;
  stop(): void;
}

export function createProgress(enabled: boolean): Progress {
  if (!enabled) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'batch {bar} {value}/{total} docs | {mbps} MB/s | ETA {eta_formatted} | {failures} failed',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(s) {
      const seconds = (performance.now() - s.startedAt) / 1000;
      const payload = { mbps: seconds > 0 ? (s.bytes / 1e6 / seconds).toFixed(2) : '0.00', failures: s.failures };
      if (!started) {
        bar.start(s.total, s.done, payload);
        started = true;
      } else bar.update(s.done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

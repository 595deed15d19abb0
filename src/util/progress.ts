import cliProgress from 'cli-progress'

export interface Progress {
  update: (done: number, total: number, file: string) => void
  stop: () => void
}

/** A progress bar in a terminal; a log line every 10% otherwise. */
export function progressReporter(
  label: string,
  log: (line: string) => void,
  tty = Boolean(process.stderr.isTTY)
): Progress {
  if (tty) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} files · {rate}/s · ETA {eta_formatted}`,
        hideCursor: true,
        stream: process.stderr
      },
      cliProgress.Presets.shades_classic
    )
    const started = Date.now()
    let begun = false
    return {
      update(done, total) {
        if (!begun) {
          bar.start(total, 0, { rate: '0' })
          begun = true
        }
        bar.update(done, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) })
      },
      stop() {
        if (begun) bar.stop()
      }
    }
  }
  let lastDecile = -1
  return {
    update(done, total) {
      const decile = Math.floor((done / Math.max(1, total)) * 10)
      if (decile !== lastDecile) {
        lastDecile = decile
        log(`${label}: ${done}/${total} files`)
      }
    },
    stop() {}
  }
}

export interface Row {
  benchmark: string
  albumlink: number
  baseline: number | null
  ratio: number | null
  goal: string
  met: boolean
  extra?: Record<string, number | string>
}

const fmt = (n: number | null): string => (n === null ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(2))

export function table(rows: Row[]): string {
  const lines = [
    '| benchmark | albumlink | baseline (same run) | ratio | goal | met | notes |',
    '|---|---|---|---|---|---|---|'
  ]
  for (const r of rows) {
    const notes = Object.entries(r.extra ?? {})
      .map(([k, v]) => `${k} ${typeof v === 'number' ? fmt(v) : v}`)
      .join(', ')
    lines.push(
      `| ${r.benchmark} | ${fmt(r.albumlink)} | ${fmt(r.baseline)} | ${r.ratio === null ? '—' : r.ratio.toFixed(2) + '×'} | ${r.goal} | ${r.met ? 'yes' : 'NO'} | ${notes} |`
    )
  }
  return lines.join('\n')
}

import { benchMediaIndexing } from './media-indexing.ts'
import { benchVideoServing } from './video-serving.ts'
const fmt = (r: any) => [r.benchmark, r.albumlink?.toFixed?.(2), r.baseline?.toFixed?.(2) ?? '—', r.ratio?.toFixed?.(2) ?? '—', r.met, JSON.stringify(r.extra ?? {})].join(' | ')
for (const r of await benchMediaIndexing(200, 50, 10, 10)) console.log(fmt(r))
for (const r of await benchVideoServing(500, 10)) console.log(fmt(r))

import { benchVisitorServing } from './web.ts'
for (let i = 0; i < 2; i++) for (const r of await benchVisitorServing(8)) console.log(r.benchmark, Math.round(r.albumlink), Math.round(r.baseline ?? 0), (r.ratio ?? 0).toFixed(2), JSON.stringify(r.extra))

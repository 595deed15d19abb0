// Prints a short account of every failed test from tap's saved results
// (.tap/test-results/**/*.tap), so a CI log that keeps only its head and tail
// still says what failed, where, and with which error.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = '.tap/test-results'
const MAX_LINES = 70
const out = []

function tapFiles(dir) {
  let entries = []
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
  return entries.flatMap(e =>
    e.isDirectory() ? tapFiles(join(dir, e.name)) : e.name.endsWith('.tap') ? [join(dir, e.name)] : []
  )
}

for (const file of tapFiles(ROOT)) {
  const lines = readFileSync(file, 'utf8').split('\n')
  const path = [] // subtest names by depth
  for (let i = 0; i < lines.length; i++) {
    const indent = lines[i].search(/\S/) / 4
    const subtest = /^\s*# Subtest: (.*)$/.exec(lines[i])
    if (subtest) {
      path.length = indent
      path[indent] = subtest[1]
      continue
    }
    const failed = /^\s*not ok \d+ - (.*?)(?: # time=.*)?$/.exec(lines[i])
    if (!failed) continue
    // A failed subtest repeats its children's failures; only leaves carry the error.
    if (/^\s*1\.\.\d+\s*$/.test(lines[i - 1] ?? '')) continue
    out.push(`✖ ${file.slice(ROOT.length + 1, -4)} › ${[...path.slice(0, indent), failed[1]].join(' › ')}`)
    if (lines[i + 1]?.trim() !== '---') continue
    for (let j = i + 2; j < lines.length && lines[j].trim() !== '...'; j++) {
      const line = lines[j].trim()
      if (/^-+\^$/.test(line)) continue
      if (
        /^(stack|tapCaught|fileName|lineNumber|message|found|wanted|diff|\+|-)/.test(line) ||
        /^[A-Za-z]*Error/.test(line)
      ) {
        out.push(`    ${line.slice(0, 200)}`)
      }
      if (/^stack:/.test(line) && lines[j + 1]) out.push(`      ${lines[j + 1].trim().slice(0, 200)}`)
    }
  }
}

if (out.length > 0) {
  console.log('\nFailed tests (from .tap/test-results):')
  console.log(out.slice(0, MAX_LINES).join('\n'))
  if (out.length > MAX_LINES) console.log(`… and ${out.length - MAX_LINES} more lines`)
}

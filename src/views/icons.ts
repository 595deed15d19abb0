import { ICON_PATHS } from './icon-paths.ts'

/** Inline Material Design icon; decorative (the button or link around it carries the name). */
export function icon(name: string): string {
  const path = ICON_PATHS[name]
  if (!path) throw new Error(`unknown icon ${name}`)
  return `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${path}"/></svg>`
}

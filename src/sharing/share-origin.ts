import ipaddr from 'ipaddr.js'

/** Address ranges a friend elsewhere on the internet cannot reach. */
const UNREACHABLE_RANGES = new Set([
  'loopback',
  'private',
  'linkLocal',
  'uniqueLocal',
  'unspecified',
  'carrierGradeNat'
])
/** Names that only this machine or this network resolve. */
const LOCAL_NAME = /(^|\.)(localhost|local|lan|home|internal|intranet|home\.arpa)$/

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', ''])

function unreachableReason(hostname: string, listenHost: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, '')
  if (ipaddr.isValid(bare)) {
    const address = ipaddr.process(bare)
    if (UNREACHABLE_RANGES.has(address.range())) return 'a local or private address'
    const listening = WILDCARD_HOSTS.has(listenHost) || !ipaddr.isValid(listenHost) ? null : ipaddr.process(listenHost)
    if (listening && listening.toString() !== address.toString()) return 'not the address albumlink was started on'
    return null
  }
  if (!bare.includes('.') || LOCAL_NAME.test(bare.toLowerCase())) return 'a name only this computer or network knows'
  return null
}

/**
 * When the public URL is not configured, share links carry the origin the
 * owner happens to browse from. A note says so when that origin looks
 * unreachable for visitors: loopback, a private address, a local name, or
 * an address other than the one the server listens on.
 */
export function shareOriginWarning(base: string, publicUrl: string | undefined, listenHost: string): string | null {
  if (publicUrl !== undefined || !URL.canParse(base)) return null
  const reason = unreachableReason(new URL(base).hostname, listenHost)
  return reason === null
    ? null
    : `Visitors may not be able to open these links: they start with ${base}, ${reason}. ` +
        'Set ALBUMLINK_PUBLIC_URL to the address your visitors use (for example https://photos.example.org) and restart albumlink.'
}

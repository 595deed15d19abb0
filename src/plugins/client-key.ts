import ipaddr from 'ipaddr.js'

/**
 * The one key every limiter counts by: the IPv4 address, or the /64 of an
 * IPv6 address (one host usually holds a whole /64, so counting its addresses
 * one by one would give it unlimited tries). `ip` is request.ip, which names
 * the forwarded client only when the peer is a trusted proxy
 * (ALBUMLINK_TRUST_PROXY), never because a client sent X-Forwarded-For.
 */
export function clientKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip
  const address = ipaddr.process(ip)
  if (address.kind() === 'ipv4') return address.toString()
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4).map(p => p.toString(16))
  return `${parts.join(':')}::/64`
}

/**
 * Fastify's `trustProxy` for ALBUMLINK_TRUST_PROXY. A hop count trusts that
 * many proxies in front of us whoever they are (Fastify itself refuses bare
 * hop counts, as a client that reaches the server directly could then choose
 * its address): use it only when the server is reachable through the proxy
 * alone; a list of proxy addresses is checked against the peer.
 */
export function proxyTrust(
  setting: false | number | string[]
): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting
}

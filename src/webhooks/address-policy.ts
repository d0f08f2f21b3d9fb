import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which receivers a webhook may reach. Only public unicast addresses, so an admin key (or a stolen one)
 * cannot turn deliveries into requests against loopback, the private network or a cloud metadata service.
 * Self-hosted receivers are let in explicitly by WEBHOOK_ALLOW_HOSTS: host names (matched exactly) and
 * CIDRs (e.g. `10.0.0.0/8`, `127.0.0.1/32`).
 */
export interface AddressPolicy {
  hosts: Set<string>;
  cidrs: [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export class ForbiddenReceiver extends Error {
  override name = 'ForbiddenReceiver';
}

export function parseAllowList(setting: string): AddressPolicy {
  const policy: AddressPolicy = { hosts: new Set(), cidrs: [] };
  for (const entry of setting.split(',').map((e) => e.trim().toLowerCase())) {
    if (!entry) continue;
    if (entry.includes('/')) policy.cidrs.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) policy.cidrs.push(ipaddr.parseCIDR(`${entry}/${isIP(entry) === 6 ? 128 : 32}`));
    else policy.hosts.add(entry);
  }
  return policy;
}

/** Throws with the reason unless `address` (a literal IP) may be contacted. */
export function checkAddress(policy: AddressPolicy, address: string): void {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it stands for.
    ip = ipaddr.process(address);
  } catch {
    throw new ForbiddenReceiver(`"${address}" is not an IP address`);
  }
  if (policy.cidrs.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return;
  // Everything but global unicast is refused: loopback, private, link-local (169.254.169.254),
  // carrier-grade NAT, unique-local, multicast, and the IPv6 forms that embed an IPv4 (6to4, NAT64).
  const range = ip.range();
  if (range !== 'unicast')
    throw new ForbiddenReceiver(`${address} is a ${range} address; only public addresses receive webhooks`);
}

const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase();

/**
 * Checks a receiver URL before it is stored: the host must be public (or allow-listed) and so must every
 * address it resolves to now. Delivery checks again at connect time, since DNS may change after this.
 */
export async function checkReceiverUrl(policy: AddressPolicy, url: string): Promise<void> {
  // WHATWG URL parsing already turns 0x7f.1, 2130706433, 0177.0.0.1 and 127.1 into 127.0.0.1.
  const host = bareHost(new URL(url).hostname);
  if (policy.hosts.has(host)) return;
  if (isIP(host)) return checkAddress(policy, host);
  if (host === 'localhost' || host.endsWith('.localhost'))
    throw new ForbiddenReceiver(`${host} is a loopback name; only public addresses receive webhooks`);
  let addresses: { address: string }[];
  try {
    addresses = await dnsLookup(host, { all: true, verbatim: true });
  } catch {
    throw new ForbiddenReceiver(`${host} does not resolve`);
  }
  for (const { address } of addresses) checkAddress(policy, address);
}

export const isAllowListedHost = (policy: AddressPolicy, hostname: string) => policy.hosts.has(bareHost(hostname));

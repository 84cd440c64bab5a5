/**
 * Which network addresses a fetch may connect to. The HTTP API fetches public addresses only (unless the
 * server was started with --allow-private): a URL submitted to it, a redirect and the page of a feed item
 * must not reach this machine, the local network or a cloud metadata service. The check runs where the
 * connection is made (see fetch.ts): after DNS resolution, on the address then connected to.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { MizanError } from '../core/errors.js';

/** Says why an address may not be connected to, or undefined when it may. */
export type AddressCheck = (address: string) => string | undefined;

/** What each special range of ipaddr.js is, in words. */
const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address (this machine)',
  unspecified: 'the unspecified address (it reaches this machine)',
  private: 'a private address (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)',
  uniqueLocal: 'a unique local address (private IPv6, fc00::/7)',
  linkLocal: 'a link-local address (where cloud metadata services answer)',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

/**
 * Why an address is not a public unicast one ("a loopback address (this machine)"), or undefined for a public
 * address. IPv4-mapped, IPv4-translated and NAT64 IPv6 addresses are judged by the IPv4 address they carry;
 * IPv6 outside global unicast (2000::/3) is not public.
 */
export function nonPublicAddress(address: string): string | undefined {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/^\[(.*)\]$/u, '$1'));
  } catch {
    return 'not an IP address';
  }
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    const range = v6.range();
    if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') {
      return nonPublicAddress(ipaddr.fromByteArray(v6.toByteArray().slice(12)).toString());
    }
    if (range !== 'unicast') return RANGE_WORDS[range] ?? `a reserved or special-purpose address (${range})`;
    if (!v6.match(ipaddr.IPv6.parse('2000::'), 3)) return 'a reserved address (outside IPv6 global unicast, 2000::/3)';
    return undefined;
  }
  const range = ip.range();
  return range === 'unicast' ? undefined : RANGE_WORDS[range] ?? `a reserved or special-purpose address (${range})`;
}

/** The error of an address a check refused; `host` is the name it was reached by, when not the address itself. */
export function addressRefused(host: string, address: string, why: string): MizanError {
  const name = host === address ? address : `${host} (${address})`;
  return new MizanError('MIZAN_E_PRIVATE_ADDRESS', `${name} is ${why}; this server fetches public addresses only (start it with --allow-private to allow others)`);
}

/** The host of a URL without IPv6 brackets ("[::1]" → "::1"). */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/u, '$1');
}

/** The first address of `list` that `check` refuses, as the error to throw; undefined when it refuses none. */
function firstRefused(host: string, list: readonly string[], check: AddressCheck): MizanError | undefined {
  for (const address of list) {
    const why = check(address);
    if (why) return addressRefused(host, address, why);
  }
  return undefined;
}

/**
 * A DNS lookup for `net.connect` that refuses a name when any address it resolves to is refused by `check`,
 * so the connection goes only to an address that was checked (a name cannot resolve to another one in between).
 */
export function checkedLookup(check: AddressCheck): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) {
        callback(err, '', 4);
        return;
      }
      const refused = firstRefused(hostname, addresses.map((a) => a.address), check);
      if (refused) {
        callback(refused as unknown as NodeJS.ErrnoException, '', 4);
        return;
      }
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else {
        const first = addresses[0] as LookupAddress;
        callback(null, first.address, first.family);
      }
    });
  };
}

/**
 * Check the host of a URL before fetching it: an IP address as it is, a name by every address it resolves
 * to. Undefined when the URL may be fetched, or when its name does not resolve (the fetch then says so).
 */
export async function checkUrlHost(url: string, check: AddressCheck): Promise<MizanError | undefined> {
  const host = hostOf(new URL(url));
  if (isIP(host)) return firstRefused(host, [host], check);
  let addresses: LookupAddress[];
  try {
    addresses = await new Promise<LookupAddress[]>((resolve, reject) => {
      dnsLookup(host, { all: true }, (err, list) => (err ? reject(err) : resolve(list)));
    });
  } catch {
    return undefined;
  }
  return firstRefused(host, addresses.map((a) => a.address), check);
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nonPublicAddress } from './address.js';

describe('which addresses are public', () => {
  it('accepts public IPv4 and global unicast IPv6, including the edges of the private ranges', () => {
    for (const a of [
      '8.8.8.8', '1.1.1.1', '93.184.216.34', '9.255.255.255', '11.0.0.0', '172.15.255.255', '172.32.0.0', '192.167.255.255',
      '192.169.0.0', '100.63.255.255', '100.128.0.0', '169.253.255.255', '169.255.0.0', '126.255.255.255', '128.0.0.0',
      '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '[2001:4860:4860::8888]', '::ffff:8.8.8.8', '64:ff9b::808:808',
    ]) assert.equal(nonPublicAddress(a), undefined, a);
  });

  it('refuses loopback, private, link-local, unique-local, CGNAT, multicast, unspecified and reserved addresses', () => {
    const cases: Array<[string, RegExp]> = [
      ['127.0.0.1', /loopback/u], ['127.255.255.254', /loopback/u], ['::1', /loopback/u], ['[::1]', /loopback/u],
      ['10.0.0.1', /private/u], ['10.255.255.255', /private/u], ['172.16.0.1', /private/u], ['172.31.255.255', /private/u],
      ['192.168.0.1', /private/u], ['192.168.255.255', /private/u],
      ['169.254.169.254', /link-local.*metadata/u], ['169.254.0.1', /link-local/u], ['fe80::1', /link-local/u], ['febf::1', /link-local/u],
      ['fc00::1', /unique local/u], ['fd12:3456:789a::1', /unique local/u],
      ['100.64.0.1', /carrier-grade NAT/u], ['100.127.255.255', /carrier-grade NAT/u],
      ['0.0.0.0', /unspecified/u], ['0.1.2.3', /unspecified/u], ['::', /unspecified/u],
      ['224.0.0.1', /multicast/u], ['239.255.255.250', /multicast/u], ['ff02::1', /multicast/u], ['255.255.255.255', /broadcast/u],
      ['240.0.0.1', /reserved/u], ['192.0.2.1', /reserved/u], ['198.18.0.1', /reserved/u], ['2001:db8::1', /reserved/u],
      ['fec0::1', /reserved/u], ['2002:7f00:1::', /reserved/u], ['::7f00:1', /outside IPv6 global unicast/u],
      ['4000::1', /outside IPv6 global unicast/u],
      // IPv6 forms that carry an IPv4 address are judged by it.
      ['::ffff:127.0.0.1', /loopback/u], ['::ffff:7f00:1', /loopback/u], ['::ffff:10.0.0.1', /private/u],
      ['::ffff:169.254.169.254', /link-local/u], ['::ffff:0:a00:1', /private/u], ['64:ff9b::a9fe:a9fe', /link-local/u],
      ['64:ff9b::127.0.0.1', /loopback/u],
      ['not an address', /not an IP address/u], ['', /not an IP address/u],
    ];
    for (const [a, why] of cases) assert.match(nonPublicAddress(a) ?? 'public', why, a);
  });
});

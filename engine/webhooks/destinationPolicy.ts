import { lookup } from 'node:dns/promises';
import net from 'node:net';

// A webhook URL is chosen by an administrator, but the server is the one that
// calls it, from inside the service center's network, and reports the status
// code and error back: pointed at 127.0.0.1, 10.x or 169.254.169.254 it is a
// request-forgery probe with an oracle. Such destinations are refused unless
// named in WEBHOOK_ALLOW_HOSTS (comma-separated host or host:port), checked at
// registration and again, after DNS resolution, before every attempt.

const BLOCKED = new net.BlockList();
for (const [prefix, bits, family] of [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
] as const) {
  BLOCKED.addSubnet(prefix, bits, family);
}

export class DestinationRefused extends Error {}

function allowList(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set((env.WEBHOOK_ALLOW_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean));
}

function isBlocked(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    return mapped ? BLOCKED.check(mapped[1], 'ipv4') : BLOCKED.check(address, 'ipv6');
  }
  return true;
}

/** Resolves when `url` may be called; throws DestinationRefused saying why not. */
export async function assertDestinationAllowed(url: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DestinationRefused(`${JSON.stringify(url)} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new DestinationRefused(`a webhook must be http or https, not ${parsed.protocol}`);
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = allowList(env);
  if (allowed.has(host) || allowed.has(parsed.host.toLowerCase())) return;
  const addresses = net.isIP(host) ? [host] : await lookup(host, { all: true }).then((list) => list.map((a) => a.address), () => [] as string[]);
  if (!addresses.length) throw new DestinationRefused(`the host ${host} does not resolve`);
  const internal = addresses.find(isBlocked);
  if (internal) {
    throw new DestinationRefused(
      `${host} resolves to ${internal}, a loopback, private, link-local or metadata address; an administrator may allow it with WEBHOOK_ALLOW_HOSTS`,
    );
  }
}

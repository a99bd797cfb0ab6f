/** Keys of the reader's settings in `storage.local`. */

/** The host names where Glose turns on by itself (an array of strings). */
export const AUTO_SITES_KEY = 'autoSites';

/** Host names from free text: one per line (or comma separated), URLs reduced to their host. */
export function parseSites(text) {
  const hosts = text.split(/[\s,]+/).map((line) => line.trim()).filter(Boolean).map((entry) => {
    try {
      return new URL(entry.includes('://') ? entry : `https://${entry}`).hostname;
    } catch {
      return null;
    }
  });
  // URL() accepts odd hosts ("!!"); keep real ones (IDNs arrive as punycode, IPv6 in brackets).
  return [...new Set(hosts.filter((host) => host && /^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(host)))];
}

/** Keys of the reader's settings in `storage.local`. */

/** The host names where Glose turns on by itself (an array of strings). */
export const AUTO_SITES_KEY = 'autoSites';

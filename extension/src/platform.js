/**
 * The WebExtension API object of the running browser (`browser` in Firefox, `chrome` in Chromium;
 * both return promises in Manifest V3). Only extension contexts import this module; the drawing
 * modules under `draw/` never do, so they also run in a plain page.
 */
export const ext = globalThis.browser ?? globalThis.chrome;

/** A UI string from `_locales` (the key itself when missing, so a gap shows instead of nothing). */
export function t(key, substitutions) {
  return ext.i18n.getMessage(key, substitutions) || key;
}

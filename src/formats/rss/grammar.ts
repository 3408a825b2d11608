/**
 * RSS 2.0 as the readers and the writer of this folder see it: the namespaces of
 * the modules feeds use, and how elements are found in them.
 */
import type { XmlElement } from '../xml/xml.js';

/** `content:encoded`: the item's full HTML. */
export const contentNamespace = 'http://purl.org/rss/1.0/modules/content/';
/** Dublin Core: `dc:creator` (the byline), `dc:language`, `dc:date`. */
export const dcNamespace = 'http://purl.org/dc/elements/1.1/';
/** DCMI terms: `dcterms:modified`, when the item last changed. */
export const dctermsNamespace = 'http://purl.org/dc/terms/';
/** Atom elements that RSS feeds borrow (`atom:updated`, `atom:link`). */
export const atomNamespace = 'http://www.w3.org/2005/Atom';
/** WordPress exports (WXR) name their version in the namespace: `…/export/1.2/`. */
export const wordpressNamespace = /^https?:\/\/wordpress\.org\/export\/\d+(?:\.\d+)*\/$/;

/** The RSS version an `<rss>` start tag declares (`2.0`, `0.92`), or null. */
export function rssVersion(tag: string): string | null {
  return /\sversion\s*=\s*["']([^"']*)["']/.exec(tag)?.[1]?.trim() ?? null;
}

/** Child elements of `element` named `local` in namespace `uri` ('' for none), in order. */
export function childrenIn(element: XmlElement | null | undefined, uri: string | RegExp, local: string): XmlElement[] {
  if (!element) return [];
  const found: XmlElement[] = [];
  for (const node of element.children) {
    if (typeof node === 'string' || node.local !== local) continue;
    if (typeof uri === 'string' ? node.uri === uri : uri.test(node.uri)) found.push(node);
  }
  return found;
}

/** The first child element named `local` in namespace `uri` ('' for none), or null. */
export function childIn(element: XmlElement | null | undefined, uri: string | RegExp, local: string): XmlElement | null {
  return childrenIn(element, uri, local)[0] ?? null;
}

/** Defences against hostile servers and SSRF: the address guard (enforced in OkHttp's {@code Dns} and again on the
 * connected socket) and the content-type check. */
package dev.scout.crawler.internal.guard;

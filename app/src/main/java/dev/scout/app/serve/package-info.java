/**
 * {@code scout serve}: the local review app over the store. Server-rendered HTML (no build step), a little vanilla
 * JavaScript, Javalin on embedded Jetty. {@link dev.scout.app.serve.ReviewServer} lists the routes.
 */
package dev.scout.app.serve;

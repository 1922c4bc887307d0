/**
 * Rendering pages that build their content with JavaScript, in a headless Chromium that trawl starts, drives over the
 * DevTools protocol (Selenium's CDP client) and ends. The browser never reaches the network itself: every request a
 * page makes is paused ({@code Fetch.requestPaused}) and answered from trawl's own fetcher through
 * {@link dev.trawl.render.PageResources}, or failed. No nulls unless documented.
 */
package dev.trawl.render;

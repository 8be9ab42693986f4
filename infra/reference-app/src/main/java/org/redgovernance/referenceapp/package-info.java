/**
 * The reference browser app: a small page built only on platform-api's public GraphQL API, as a
 * front-end team would build it — login with PKCE, the caller, a community's matter board with its
 * photos, its notices, and new notices live over the subscription. It proves that a browser app
 * works against the platform out of the box (CORS, realm, signed photo links, graphql-ws), and the
 * end-to-end suite drives it in a real Chromium. Its GraphQL documents are files in {@code
 * reference-app/documents/}: the app loads them, relay-compiler checks them against the published
 * schema, and production registers them for the persisted-query allow-list.
 */
@NullMarked
package org.redgovernance.referenceapp;

import org.jspecify.annotations.NullMarked;

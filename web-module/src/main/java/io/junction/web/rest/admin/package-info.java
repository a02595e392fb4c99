/**
 * The admin API (JSON, the administrator's HTTP Basic credentials): sites, their provider
 * applications and application keys, and the server's information for the console.
 */
package io.junction.web.rest.admin;

/**
 * Sites (an API key, its secret, domains and flow policies), their provider applications and
 * application keys, as the admin API manages them; secrets are kept encrypted.
 */
package io.junction.web.site;

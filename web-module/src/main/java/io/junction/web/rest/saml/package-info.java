/**
 * A site's SAML service provider on the wire: its metadata, assertion consumer and logout services.
 */
package io.junction.web.rest.saml;

/**
 * Gigya's {@code fidm.saml.*} methods: a site's SAML identity providers and its service provider
 * configured by signed server calls (the site's secret, or an application key permitted the
 * method), the same code path as the admin API ({@link io.junction.web.rest.admin.SamlIdps}).
 */
package io.junction.web.rest.fidm;

/**
 * SAML 2.0: the service provider each site is (its key pair, its metadata, its assertion consumer
 * service) and the identity providers a site configures as {@code saml-<name>}. XML signatures use
 * the JDK's {@code javax.xml.crypto.dsig} with its secure validation, on documents read by a parser
 * that refuses DOCTYPEs and external entities.
 */
package io.junction.web.saml;

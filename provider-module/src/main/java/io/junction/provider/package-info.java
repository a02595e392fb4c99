/**
 * The registry of social networks ({@link io.junction.provider.ProviderCatalog}: the connectors CDI
 * finds, by Gigya name, with the aliases Gigya accepts and {@code oidc-<name>}) and the address
 * rule for URLs fetched on someone else's say-so ({@link io.junction.provider.PublicAddresses}).
 * The web module sees the provider module only through this package; one package per network below
 * it.
 */
package io.junction.provider;

package io.junction.web.site;

import java.util.List;
import java.util.Optional;

/** Where sites and their provider configurations are kept. */
public interface SiteRepository {

  Optional<Site> find(String apiKey);

  List<Site> findAll();

  void add(Site site);

  void remove(Site site);

  Optional<ProviderConfig> findProvider(String apiKey, String provider);

  List<ProviderConfig> findProviders(String apiKey);

  void add(ProviderConfig config);

  void remove(ProviderConfig config);
}

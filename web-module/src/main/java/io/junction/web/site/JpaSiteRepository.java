package io.junction.web.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** {@link SiteRepository} on JPA. */
@ApplicationScoped
public class JpaSiteRepository implements SiteRepository {

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  @Override
  public Optional<Site> find(String apiKey) {
    return Optional.ofNullable(em.find(Site.class, apiKey));
  }

  @Override
  public List<Site> findAll() {
    return em.createNamedQuery("Site.findAll", Site.class).getResultList();
  }

  @Override
  public void add(Site site) {
    em.persist(site);
    em.flush();
  }

  @Override
  public void remove(Site site) {
    em.remove(site);
    em.flush();
  }

  @Override
  public Optional<ProviderConfig> findProvider(String apiKey, String provider) {
    return Optional.ofNullable(
        em.find(ProviderConfig.class, new ProviderConfigId(apiKey, provider)));
  }

  @Override
  public List<ProviderConfig> findProviders(String apiKey) {
    return em.createNamedQuery("ProviderConfig.findBySite", ProviderConfig.class)
        .setParameter("apiKey", apiKey)
        .getResultList();
  }

  @Override
  public void add(ProviderConfig config) {
    em.persist(config);
    em.flush();
  }

  @Override
  public void remove(ProviderConfig config) {
    em.remove(config);
    em.flush();
  }
}

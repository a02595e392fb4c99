package io.junction.web.testing;

import io.junction.web.security.Randoms;
import io.junction.web.site.GuestMerge;
import io.junction.web.site.JpaSiteRepository;
import io.junction.web.site.SiteRepository;
import io.junction.web.site.SiteService;
import io.junction.web.site.SiteSettings;
import java.util.List;

/**
 * The web module's services on a fresh {@link TestDatabase}, wired as the server wires them (one
 * instance of each, see {@link Beans}), with an encryption key of their own. One per test class:
 * tests in a class share the database, so each makes its own site.
 */
public final class TestServices implements AutoCloseable {

  private final TestDatabase db;
  private final Beans beans;

  private TestServices() {
    db = TestDatabase.create();
    beans =
        new Beans()
            .config("junction.secret-key", Randoms.base64(32))
            .bind(SiteRepository.class, JpaSiteRepository.class)
            .add(db.entityManager())
            .add(db.dataSource())
            .add(new TransactionalNonces(db));
  }

  public static TestServices start() {
    return new TestServices();
  }

  public TestDatabase db() {
    return db;
  }

  public Beans beans() {
    return beans;
  }

  /** The bean of a type, as the server would inject it. */
  public <T> T get(Class<T> type) {
    return beans.get(type);
  }

  /** Site settings: one domain, data center us1. */
  public static SiteSettings siteSettings(boolean revokeTokensOnSecretRotation) {
    return new SiteSettings(
        "Test shop",
        List.of("shop.example.com"),
        null,
        "us1",
        false,
        revokeTokensOnSecretRotation,
        List.of(),
        true,
        false,
        true,
        GuestMerge.CONFIRM);
  }

  /** A new site of the default settings, with its secret. */
  public SiteService.CreatedSite newSite() {
    return newSite(siteSettings(false));
  }

  /** A new site, with its secret. */
  public SiteService.CreatedSite newSite(SiteSettings settings) {
    SiteService sites = get(SiteService.class);
    return db.transactional(SiteService.class, "create", () -> sites.create(settings));
  }

  @Override
  public void close() {
    db.close();
  }
}

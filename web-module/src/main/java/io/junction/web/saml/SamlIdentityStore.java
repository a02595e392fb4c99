package io.junction.web.saml;

import io.junction.api.ProviderTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link SamlIdentityData} of SAML identities: written in the transaction that links the
 * identity (from what the assertion consumer service put into the provider session's extras), read
 * for getUserInfo.
 */
@ApplicationScoped
public class SamlIdentityStore {

  @PersistenceContext(unitName = "junction")
  EntityManager em;

  /**
   * Stores what a SAML provider session carries for the identity, replacing the earlier values;
   * nothing for other providers' sessions.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void store(String identityId, ProviderTokens tokens, Instant now) {
    SamlProfiles.Extra extra = SamlProfiles.Extra.from(tokens.extras());
    if (extra == null) {
      return;
    }
    SamlIdentityData d = em.find(SamlIdentityData.class, identityId);
    if (d == null) {
      d = new SamlIdentityData(identityId);
      d.update(extra, now);
      em.persist(d);
    } else {
      d.update(extra, now);
    }
  }

  /** The data of these identities, by identity id (those without any left out). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, SamlIdentityData> of(List<String> identityIds) {
    Map<String, SamlIdentityData> out = new HashMap<>();
    if (identityIds.isEmpty()) {
      return out;
    }
    for (SamlIdentityData d :
        em.createQuery(
                "SELECT d FROM SamlIdentityData d WHERE d.identityId IN :ids",
                SamlIdentityData.class)
            .setParameter("ids", identityIds)
            .getResultList()) {
      out.put(d.identityId(), d);
    }
    return out;
  }
}

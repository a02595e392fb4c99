package io.junction.web.saml;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An assertion a site's service provider accepted, by the digest of its identity provider and ID,
 * kept until it would be refused as expired anyway: the same assertion is accepted once, on
 * whichever node it arrives.
 */
@Entity
@Table(name = "saml_assertion_seen")
@NamedQuery(
    name = "SamlAssertionSeen.purge",
    query = "DELETE FROM SamlAssertionSeen s WHERE s.keepUntil < :now")
public class SamlAssertionSeen {

  @Id
  @Column(name = "id_hash", length = 64)
  private String idHash;

  @Column(name = "keep_until", nullable = false)
  private Instant keepUntil;

  protected SamlAssertionSeen() {}

  public SamlAssertionSeen(String idHash, Instant keepUntil) {
    this.idHash = idHash;
    this.keepUntil = keepUntil;
  }
}

package io.junction.web.saml;

import io.junction.web.site.ProviderConfigId;
import io.junction.web.site.StringListConverter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's SAML identity provider ({@code saml-<name>}): what {@link SamlIdpSettings} holds, stored
 * beside the provider configuration of the same name.
 */
@Entity
@Table(name = "saml_idp")
public class SamlIdp {

  @EmbeddedId private ProviderConfigId id;

  @Column(name = "entity_id", nullable = false, length = 1024)
  private String entityId;

  @Column(name = "sso_url", nullable = false, length = 2048)
  private String ssoUrl;

  @Column(name = "sso_binding", nullable = false, length = 100)
  private String ssoBinding;

  @Column(name = "slo_url", length = 2048)
  private String sloUrl;

  @Column(name = "slo_binding", nullable = false, length = 100)
  private String sloBinding;

  @Column(name = "name_id_format", nullable = false, length = 200)
  private String nameIdFormat;

  @Column(name = "attribute_map", nullable = false, length = 8000)
  private String attributeMap;

  @Convert(converter = StringListConverter.class)
  @Column(name = "certificates", nullable = false, length = 16000)
  private List<String> certificates = new ArrayList<>();

  @Column(name = "allow_unsolicited", nullable = false)
  private boolean allowUnsolicited;

  @Column(name = "unsolicited_redirect_uri", length = 2048)
  private String unsolicitedRedirectUri;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long version;

  protected SamlIdp() {}

  public SamlIdp(ProviderConfigId id) {
    this.id = id;
  }

  public ProviderConfigId id() {
    return id;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The stored settings. */
  public SamlIdpSettings settings() {
    Map<String, String> map = new LinkedHashMap<>();
    JsonObject o = Json.createReader(new StringReader(attributeMap)).readObject();
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      map.put(e.getKey(), ((JsonString) e.getValue()).getString());
    }
    return new SamlIdpSettings(
        entityId,
        ssoUrl,
        ssoBinding,
        sloUrl,
        sloBinding,
        nameIdFormat,
        map,
        certificates == null ? List.of() : certificates,
        allowUnsolicited,
        unsolicitedRedirectUri);
  }

  /** Replaces the settings. */
  public void update(SamlIdpSettings s, Instant now) {
    this.entityId = s.entityId();
    this.ssoUrl = s.ssoUrl();
    this.ssoBinding = s.ssoBinding();
    this.sloUrl = s.sloUrl();
    this.sloBinding = s.sloBinding();
    this.nameIdFormat = s.nameIdFormat();
    JsonObjectBuilder b = Json.createObjectBuilder();
    s.attributeMap().forEach(b::add);
    this.attributeMap = b.build().toString();
    this.certificates = new ArrayList<>(s.certificates());
    this.allowUnsolicited = s.allowUnsolicited();
    this.unsolicitedRedirectUri = s.unsolicitedRedirectUri();
    this.updatedAt = now;
  }
}

package io.junction.web.saml;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a SAML identity's latest assertion said beyond the common profile: Country, City, Zip, and
 * the {@code samlData.<field>} values as a JSON object. Removed with its identity.
 */
@Entity
@Table(name = "saml_identity_data")
public class SamlIdentityData {

  @Id
  @Column(name = "identity_id", length = 40)
  private String identityId;

  @Column(name = "country", length = 100)
  private String country;

  @Column(name = "city", length = 255)
  private String city;

  @Column(name = "zip", length = 40)
  private String zip;

  @Column(name = "saml_data", length = 16000)
  private String samlData;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SamlIdentityData() {}

  public SamlIdentityData(String identityId) {
    this.identityId = identityId;
  }

  public String identityId() {
    return identityId;
  }

  public String country() {
    return country;
  }

  public String city() {
    return city;
  }

  public String zip() {
    return zip;
  }

  /** The samlData fields: a string, or a list of strings for several values. */
  public Map<String, Object> samlData() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (samlData == null) {
      return out;
    }
    JsonObject o = Json.createReader(new StringReader(samlData)).readObject();
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      if (e.getValue() instanceof JsonString s) {
        out.put(e.getKey(), s.getString());
      } else if (e.getValue() instanceof JsonArray a) {
        List<String> values = new ArrayList<>();
        for (JsonValue v : a) {
          values.add(((JsonString) v).getString());
        }
        out.put(e.getKey(), values);
      }
    }
    return out;
  }

  /** Replaces the values. */
  public void update(SamlProfiles.Extra extra, Instant now) {
    this.country = extra.country();
    this.city = extra.city();
    this.zip = extra.zip();
    this.samlData = extra.samlDataJson();
    this.updatedAt = now;
  }
}

package io.junction.web.account;

import io.junction.provider.ProviderCatalog;
import io.junction.web.saml.SamlIdentityData;
import io.junction.web.saml.SamlIdentityStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The getUserInfo fields of an account: its UID and state, the login identity's profile at the top
 * level, and every identity with its own profile and connection state.
 */
@ApplicationScoped
public class UserInfoProjection {

  @Inject AccountService accounts;

  @Inject SamlIdentityStore samlIdentities;

  /** The fields of the account as stored now. */
  public Map<String, Object> of(Account account) {
    return of(account, false);
  }

  /**
   * The fields of the account as stored now; with {@code samlData}, a SAML identity's samlData too
   * ({@code extraFields=samlData}).
   */
  public Map<String, Object> of(Account account, boolean samlData) {
    List<SocialIdentity> identities = accounts.identities(account.id());
    List<String> samlIds =
        identities.stream()
            .filter(i -> ProviderCatalog.isSaml(i.provider()))
            .map(SocialIdentity::id)
            .toList();
    Map<String, Object> out = fields(account, identities, Instant.now());
    saml(out, identities, samlIdentities.of(samlIds), samlData);
    return out;
  }

  /**
   * Adds SAML identities' Country (country), City (city), Zip (zip) and, when asked, samlData: to
   * each such identity, and at the top level for the login identity.
   */
  @SuppressWarnings("unchecked")
  static void saml(
      Map<String, Object> out,
      List<SocialIdentity> identities,
      Map<String, SamlIdentityData> data,
      boolean samlData) {
    if (data.isEmpty()) {
      return;
    }
    List<Map<String, Object>> list = (List<Map<String, Object>>) out.get("identities");
    for (int n = 0; n < identities.size(); n++) {
      SamlIdentityData d = data.get(identities.get(n).id());
      if (d == null) {
        continue;
      }
      samlFields(list.get(n), d, samlData);
      if (identities.get(n).provider().equals(out.get("loginProvider"))
          && identities.get(n).providerUid().equals(out.get("loginProviderUID"))) {
        samlFields(out, d, samlData);
      }
    }
  }

  private static void samlFields(Map<String, Object> m, SamlIdentityData d, boolean samlData) {
    m.put("country", d.country());
    m.put("city", d.city());
    m.put("zip", d.zip());
    if (samlData) {
      m.put("samlData", d.samlData());
    }
  }

  static Map<String, Object> fields(Account account, List<SocialIdentity> identities, Instant now) {
    SocialIdentity login = null;
    for (SocialIdentity i : identities) {
      if (i.provider().equals(account.loginProvider()) && login == null) {
        login = i;
      }
    }
    if (login == null && !identities.isEmpty()) {
      login = identities.get(0);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("UID", account.uid());
    out.put("isSiteUID", !account.uid().startsWith("_guid_"));
    out.put("isSiteUser", !account.isGuest());
    out.put("isLoggedIn", !account.isGuest());
    out.put("isConnected", identities.stream().anyMatch(i -> i.connected(now)));
    out.put("loginProvider", account.loginProvider());
    out.put(
        "loginProviderUID",
        login == null || account.loginProvider() == null ? null : login.providerUid());
    if (login != null) {
      profile(out, login);
    }
    Set<String> providers = new LinkedHashSet<>();
    List<Map<String, Object>> list = new ArrayList<>();
    for (SocialIdentity i : identities) {
      providers.add(i.provider());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("provider", i.provider());
      m.put("providerUID", i.providerUid());
      m.put("isLoginIdentity", true);
      m.put("allowsLogin", true);
      m.put("isConnected", i.connected(now));
      m.put("isExpiredSession", !i.connected(now));
      profile(m, i);
      m.put("lastUpdated", i.updatedAt().toString());
      m.put("lastUpdatedTimestamp", i.updatedAt().toEpochMilli());
      list.add(m);
    }
    out.put("providers", String.join(",", providers));
    out.put("capabilities", "Login,Connect");
    out.put("identities", list);
    return out;
  }

  private static void profile(Map<String, Object> m, SocialIdentity i) {
    m.put("nickname", i.nickname());
    m.put("firstName", i.firstName());
    m.put("lastName", i.lastName());
    m.put("email", i.email());
    m.put("photoURL", i.photoUrl());
    m.put("thumbnailURL", i.thumbnailUrl());
    m.put("profileURL", i.profileUrl());
    m.put("gender", i.gender());
    m.put("birthday", i.birthday());
    m.put("locale", i.locale());
  }
}

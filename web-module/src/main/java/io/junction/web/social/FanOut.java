package io.junction.web.social;

import io.junction.api.Capability;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderSession;
import io.junction.api.SocialConnector;
import io.junction.provider.ProviderCatalog;
import io.junction.web.account.AccountService;
import io.junction.web.account.GrantedScopes;
import io.junction.web.account.ProviderSessions;
import io.junction.web.account.SocialIdentity;
import io.junction.web.envelope.ApiCall;
import io.junction.web.envelope.GigyaException;
import io.junction.web.site.Site;
import io.junction.web.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One social method over a user's connected providers: the site's switch of the capability first
 * (403022 when off), then each connected provider that {@code enabledProviders} and {@code
 * disabledProviders} leave, whose connector lists the capability, whose identity was granted what
 * it needs (403023 otherwise), with its live session. Each provider is called on its own, outside
 * any transaction; a failure is that provider's entry in {@code providerErrorCodes}, and the call
 * succeeds when one provider does.
 */
@ApplicationScoped
public class FanOut {

  private static final Logger LOG = Logger.getLogger(FanOut.class.getName());

  @Inject AccountService accounts;
  @Inject ProviderSessions sessions;
  @Inject ProviderCatalog catalog;
  @Inject SiteService sites;

  /** One provider's part of a method. */
  @FunctionalInterface
  public interface ProviderCall<T> {
    T call(SocialConnector connector, ProviderApp app, ProviderSession session);
  }

  /** One provider's part of a method that needs to know the identity it reaches. */
  @FunctionalInterface
  public interface IdentityCall<T> {
    T call(
        SocialConnector connector,
        ProviderApp app,
        ProviderSession session,
        SocialIdentity identity);
  }

  /** What the providers answered, by provider, and the failures of the others. */
  public record Results<T>(Map<String, T> byProvider, List<Map<String, Object>> failures) {

    /** The answer's {@code providerErrorCodes}, when any provider failed. */
    public void addFailures(Map<String, Object> data) {
      if (!failures.isEmpty()) {
        data.put("providerErrorCodes", failures);
      }
    }
  }

  /** 403022 unless the site switched the capability on. */
  public static void requireSwitch(Site site, Capability capability) {
    if (!site.allows(capability)) {
      throw new GigyaException(
          ErrorCode.PERMISSION_NOT_REQUESTED,
          "The site has not enabled " + capability.label() + " in its permissions");
    }
  }

  /**
   * The providers the call may reach, from {@code enabledProviders} and {@code disabledProviders}.
   */
  public Set<String> providers(ApiCall call, Set<String> connected) {
    Set<String> enabled = names(call, "enabledProviders");
    Set<String> disabled = names(call, "disabledProviders");
    Set<String> out = new LinkedHashSet<>();
    for (String p : connected) {
      if ((enabled == null || enabled.contains("*") || enabled.contains(p))
          && (disabled == null || !disabled.contains(p))) {
        out.add(p);
      }
    }
    return out;
  }

  private Set<String> names(ApiCall call, String parameter) {
    String raw = call.paramOrNull(parameter);
    if (raw == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String name : raw.split(",")) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      if (n.isEmpty()) {
        continue;
      }
      if (n.equals("*")) {
        out.add(n);
        continue;
      }
      out.add(
          catalog
              .resolve(n)
              .orElseThrow(
                  () ->
                      GigyaException.invalid(
                          parameter, "'" + name.trim() + "' is not a supported provider"))
              .id());
    }
    return out;
  }

  /** The providers the account has a session with, most recently connected first per provider. */
  public Set<String> connected(String accountId) {
    Set<String> out = new LinkedHashSet<>();
    for (SocialIdentity i : accounts.identities(accountId)) {
      if (i.accessTokenEncrypted() != null) {
        out.add(i.provider());
      }
    }
    return out;
  }

  /**
   * Runs {@code action} on each provider the call reaches; throws when none succeeds: 400106 when
   * the user has no connection there, 400096 when none of the connected providers can do it, else
   * the first failure's code with every failure in {@code providerErrorCodes}.
   */
  public <T> Results<T> run(
      ApiCall call,
      Site site,
      String accountId,
      Capability capability,
      Set<String> only,
      ProviderCall<T> action) {
    return runFor(
        call,
        site,
        accountId,
        capability,
        only,
        (connector, app, session, identity) -> action.call(connector, app, session));
  }

  /** {@link #run}, each provider's part told the identity it reaches. */
  public <T> Results<T> runFor(
      ApiCall call,
      Site site,
      String accountId,
      Capability capability,
      Set<String> only,
      IdentityCall<T> action) {
    requireSwitch(site, capability);
    Set<String> targets = providers(call, connected(accountId));
    if (only != null) {
      targets.retainAll(only);
    }
    if (targets.isEmpty()) {
      throw new GigyaException(
          ErrorCode.NOT_CONNECTED, "The user has no connection to call for this method");
    }
    Map<String, T> results = new LinkedHashMap<>();
    List<Map<String, Object>> failures = new ArrayList<>();
    List<Map<String, Object>> unsupported = new ArrayList<>();
    for (String provider : targets) {
      SocialConnector connector = catalog.connector(provider).orElse(null);
      if (connector == null || !connector.capabilities().containsKey(capability)) {
        unsupported.add(
            failure(
                provider,
                ErrorCode.NOT_SUPPORTED,
                provider + " does not support " + capability.label()));
        continue;
      }
      try {
        ProviderSessions.Live live = sessions.session(site, account(accountId), provider);
        requireGranted(live.identity(), connector.capabilities().get(capability));
        ProviderApp app = sites.providerSetup(site, provider).app();
        results.put(
            provider,
            action.call(
                connector,
                app,
                new ProviderSession(live.identity().providerUid(), live.accessToken()),
                live.identity()));
      } catch (ProviderException e) {
        LOG.warning(call + " " + provider + " failed: " + e.getMessage());
        failures.add(failure(provider, e.code(), e.getMessage()));
      } catch (GigyaException e) {
        failures.add(failure(provider, e.code(), e.details()));
      }
    }
    if (!results.isEmpty()) {
      return new Results<>(results, failures);
    }
    if (failures.isEmpty()) {
      throw new ProviderFailures(
          ErrorCode.NOT_SUPPORTED,
          "None of the user's connected providers supports " + capability.label(),
          unsupported);
    }
    Map<String, Object> first = failures.get(0);
    List<Map<String, Object>> all = new ArrayList<>(failures);
    all.addAll(unsupported);
    throw new ProviderFailures(
        ErrorCode.of((Integer) first.get("errorCode")).orElse(ErrorCode.PROVIDER_ERROR),
        "No provider succeeded: " + first.get("errorMessage"),
        all);
  }

  private io.junction.web.account.Account account(String accountId) {
    return accounts
        .byId(accountId)
        .orElseThrow(
            () -> new GigyaException(ErrorCode.UNAUTHORIZED_USER, "The account no longer exists"));
  }

  /** 403023 when the identity's recorded grant lacks a permission the capability needs. */
  static void requireGranted(SocialIdentity identity, List<String> needed) {
    if (identity.grantedScopes() == null) {
      return; // granted before Junction recorded grants: the provider decides
    }
    Set<String> granted = GrantedScopes.parse(identity.grantedScopes());
    List<String> missing = needed.stream().filter(s -> !granted.contains(s)).toList();
    if (!missing.isEmpty()) {
      throw new GigyaException(
          ErrorCode.NO_USER_PERMISSION,
          "The user did not grant " + identity.provider() + " " + String.join(", ", missing));
    }
  }

  static Map<String, Object> failure(String provider, ErrorCode code, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("provider", provider);
    m.put("errorCode", code.code());
    m.put("errorMessage", message == null ? code.message() : message);
    return m;
  }
}

package io.junction.web.rest.fidm;

import io.junction.web.caller.Administrator;
import io.junction.web.caller.Caller;
import io.junction.web.caller.ClientAddress;
import io.junction.web.rest.admin.SamlIdps;
import io.junction.web.rest.socialize.ServerMethodResource;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A {@code fidm.saml.*} method: authenticated by the site's own credentials ({@link
 * io.junction.web.caller.MethodAccess#SITE}); its changes are recorded in the audit log under
 * {@code site:<apiKey>} or {@code userKey:<userKey>}.
 */
abstract class FidmSamlMethod extends ServerMethodResource {

  @Inject SamlIdps idps;
  @Inject ClientAddress clientAddress;
  @Inject HttpServletRequest request;

  /** Who the audit log names for a change made by this call. */
  Administrator author(Caller caller) {
    return Administrator.of(caller, clientAddress.address(request));
  }

  /** A boolean parameter: true/false (any case), 1/0; 400006 for anything else. */
  boolean bool(String name, boolean defaultValue) {
    String v = call.paramOrNull(name);
    if (v == null || v.isBlank()) {
      return defaultValue;
    }
    return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default ->
          throw io.junction.web.envelope.GigyaException.invalid(name, "must be true or false");
    };
  }
}

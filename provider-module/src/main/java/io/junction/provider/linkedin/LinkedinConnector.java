package io.junction.provider.linkedin;

import io.junction.api.Capability;
import io.junction.api.ErrorCode;
import io.junction.api.ProviderApp;
import io.junction.api.ProviderException;
import io.junction.api.ProviderInfo;
import io.junction.api.ProviderSession;
import io.junction.api.StatusPublisher;
import io.junction.api.UserAction;
import io.junction.api.UserActionPublisher;
import io.junction.provider.support.OidcConnector;
import io.junction.provider.support.ProviderHttp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * LinkedIn ("Sign In with LinkedIn using OpenID Connect"): a nonce and the id_token checked against
 * LinkedIn's keys; no PKCE, which LinkedIn takes from native clients only. A status or a user
 * action is a post of the member's (Posts API, {@code POST /rest/posts}, w_member_social), a user
 * action's link as an article; LinkedIn has no open API for connections or photos.
 */
@ApplicationScoped
public class LinkedinConnector extends OidcConnector
    implements StatusPublisher, UserActionPublisher {

  /** The Posts API version ({@code LinkedIn-Version}), {@code YYYYMM}. */
  static final String DEFAULT_VERSION = "202405";

  /** The longest commentary of a post. */
  static final int MAX_COMMENTARY = 3000;

  public LinkedinConnector() {
    super(
        new ProviderInfo(
            "linkedin",
            "LinkedIn",
            false,
            List.of("openid", "profile", "email"),
            "LinkedIn Developers: an app with the 'Sign In with LinkedIn using OpenID Connect' product; Client ID and Primary Client Secret; the callback is an Authorized redirect URL."),
        new Endpoints(
            "https://www.linkedin.com/oauth/v2/authorization",
            "https://www.linkedin.com/oauth/v2/accessToken",
            "https://www.linkedin.com/oauth",
            "https://www.linkedin.com/oauth/openid/jwks",
            "https://api.linkedin.com/v2/userinfo"));
  }

  @Override
  public boolean supportsPkce() {
    return false;
  }

  @Override
  public Map<Capability, List<String>> capabilities() {
    return Map.of(
        Capability.STATUS, List.of("w_member_social"),
        Capability.USER_ACTIONS, List.of("w_member_social"));
  }

  @Override
  public String setStatus(ProviderApp app, ProviderSession session, String status) {
    return post(session, postBody(session, status, null));
  }

  @Override
  public String publish(ProviderApp app, ProviderSession session, UserAction action) {
    return post(session, postBody(session, action.text(), action));
  }

  /** A post of the member's: the commentary, and the action's link as an article. */
  static JsonObject postBody(ProviderSession session, String text, UserAction action) {
    JsonObjectBuilder post =
        Json.createObjectBuilder()
            .add("author", "urn:li:person:" + session.providerUid())
            .add("commentary", commentary(text))
            .add("visibility", "PUBLIC")
            .add(
                "distribution",
                Json.createObjectBuilder()
                    .add("feedDistribution", "MAIN_FEED")
                    .add("targetEntities", Json.createArrayBuilder())
                    .add("thirdPartyDistributionChannels", Json.createArrayBuilder()))
            .add("lifecycleState", "PUBLISHED")
            .add("isReshareDisabledByAuthor", false);
    if (action != null && action.linkBack() != null) {
      // An article needs a title: the action's, else its link.
      JsonObjectBuilder article =
          Json.createObjectBuilder()
              .add("source", action.linkBack())
              .add("title", action.title() != null ? action.title() : action.linkBack());
      if (action.description() != null) {
        article.add("description", action.description());
      }
      post.add("content", Json.createObjectBuilder().add("article", article));
    }
    return post.build();
  }

  /**
   * Text as the Posts API's "little text" commentary: its reserved characters escaped, at most 3000
   * characters.
   */
  static String commentary(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      if ("\\|{}@[]()<>#*_~".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.length() > MAX_COMMENTARY ? b.substring(0, MAX_COMMENTARY) : b.toString();
  }

  private String post(ProviderSession session, JsonObject post) {
    String version =
        config == null
            ? DEFAULT_VERSION
            : config
                .getOptionalValue("junction.provider.linkedin.api-version", String.class)
                .orElse(DEFAULT_VERSION);
    ProviderHttp.Answer answer =
        http.postJson(
            id(),
            url("posts", "https://api.linkedin.com/rest/posts"),
            post.toString(),
            "Bearer " + session.accessToken(),
            Map.of("LinkedIn-Version", version, "X-Restli-Protocol-Version", "2.0.0"));
    if (answer.ok()) {
      // The post's URN comes in a header, not the body.
      String urn = answer.header("x-restli-id");
      return urn != null ? urn : answer.header("x-linkedin-id");
    }
    String why =
        jsonOrNull(answer) instanceof JsonObject o
            ? errorFields(o, "serviceErrorCode", "message")
            : "";
    throw new ProviderException(
        id(),
        answer.status() == 401
            ? ErrorCode.PROVIDER_SESSION_EXPIRED
            : answer.status() == 403 ? ErrorCode.NO_USER_PERMISSION : ErrorCode.PROVIDER_ERROR,
        "rest/posts failed: HTTP " + answer.status() + (why.isEmpty() ? "" : ", " + why));
  }
}

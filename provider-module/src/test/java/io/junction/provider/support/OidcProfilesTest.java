package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.junction.api.ProviderTokens;
import io.junction.api.SocialProfile;
import io.junction.provider.google.GoogleConnector;
import org.junit.jupiter.api.Test;

/** The profile of an OpenID Connect login, from its verified id_token and the userinfo. */
class OidcProfilesTest {

  /**
   * A subject given as a JSON number (the id_token's checks take it as text) is compared with the
   * userinfo's as text, not read as a string, which threw a ClassCastException.
   */
  @Test
  void aNumericSubjectIsTheUsersIdAsText() {
    String claims =
        "{\"iss\":\"https://accounts.google.com\",\"aud\":\"client-1\",\"sub\":110169484474386,"
            + "\"exp\":4102444800,\"nonce\":\"n-1\"}";
    GoogleConnector google = new GoogleConnector();
    new ScriptedHttp(
            ScriptedHttp.answers(
                SignedTokens.expand(
                    "{\"access_token\":\"at-1\",\"id_token\":\"<<"
                        + claims
                        + ">>\"}\n~~~\n{\"keys\":[{{jwk}}]}\n~~~\n"
                        + "{\"sub\":\"110169484474386\",\"name\":\"Jane Doe\"}")))
        .install(google);
    ProviderTokens tokens =
        google.exchangeCode(ConnectorAnswersFuzzTest.APP, ConnectorAnswersFuzzTest.EXCHANGE);
    SocialProfile p = google.fetchProfile(ConnectorAnswersFuzzTest.APP, tokens);
    assertEquals("110169484474386", p.providerUid());
    assertEquals("Jane Doe", p.nickname());
  }
}

package io.junction.provider.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.junction.api.ErrorCode;
import io.junction.api.ProviderException;
import io.junction.api.SocialConnector;
import io.junction.provider.facebook.FacebookConnector;
import io.junction.provider.google.GoogleConnector;
import io.junction.provider.instagram.InstagramConnector;
import io.junction.provider.line.LineConnector;
import io.junction.provider.linkedin.LinkedinConnector;
import io.junction.provider.microsoft.MicrosoftConnector;
import io.junction.provider.mixi.MixiConnector;
import io.junction.provider.odnoklassniki.OdnoklassnikiConnector;
import io.junction.provider.qq.QqConnector;
import io.junction.provider.renren.RenrenConnector;
import io.junction.provider.sina.SinaConnector;
import io.junction.provider.twitter.TwitterConnector;
import io.junction.provider.vkontakte.VkontakteConnector;
import io.junction.provider.wechat.WechatConnector;
import io.junction.provider.yahoo.YahooConnector;
import io.junction.provider.yahoojapan.YahooJapanConnector;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

/**
 * Every provider has a lane of its own, and every lane carries its own time limit, bulkhead and
 * breaker: a lane class that forgot to override {@code call} would share its state with another, or
 * have none.
 */
class ProviderLanesTest {

  private static final List<SocialConnector> CONNECTORS =
      List.of(
          new FacebookConnector(),
          new GoogleConnector(),
          new InstagramConnector(),
          new LineConnector(),
          new LinkedinConnector(),
          new MicrosoftConnector(),
          new MixiConnector(),
          new OdnoklassnikiConnector(),
          new QqConnector(),
          new RenrenConnector(),
          new SinaConnector(),
          new TwitterConnector(),
          new VkontakteConnector(),
          new WechatConnector(),
          new YahooConnector(),
          new YahooJapanConnector());

  @Test
  void everyProviderHasALaneOfItsOwn() {
    Set<Class<?>> seen = new HashSet<>();
    for (SocialConnector c : CONNECTORS) {
      Class<?> lane = ProviderLanes.LANES.get(c.info().id());
      assertNotNull(lane, c.info().id() + " has no lane");
      assertTrue(seen.add(lane), c.info().id() + " shares its lane");
    }
    assertEquals(CONNECTORS.size(), ProviderLanes.LANES.size());
  }

  @Test
  void everyLaneDeclaresItsOwnFaultTolerance() throws Exception {
    List<Class<?>> lanes = new java.util.ArrayList<>(ProviderLanes.LANES.values());
    lanes.add(ProviderLanes.OtherProviders.class);
    for (Class<?> lane : lanes) {
      Method call = lane.getDeclaredMethod("call", Supplier.class);
      assertNotNull(call.getAnnotation(Timeout.class), lane.getSimpleName());
      assertNotNull(call.getAnnotation(Bulkhead.class), lane.getSimpleName());
      assertNotNull(call.getAnnotation(CircuitBreaker.class), lane.getSimpleName());
    }
  }

  @Test
  void aTimeoutIsTheLanesFailureAndAnyOtherAnswerOrFailurePassesThrough() {
    ProviderLanes.Lane lane = new ProviderLanes.Facebook();
    ProviderHttp.Answer down = new ProviderHttp.Answer(503, "text/html", "down");
    assertEquals(down, lane.call(() -> down));
    ProviderException refused =
        new ProviderException("facebook", ErrorCode.NETWORK_ERROR, "facebook could not be reached");
    assertSame(
        refused,
        org.junit.jupiter.api.Assertions.assertThrows(
            ProviderException.class,
            () ->
                lane.call(
                    () -> {
                      throw refused;
                    })));
    ProviderException timeout =
        new ProviderException("facebook", ErrorCode.TIMEOUT, "facebook did not answer in time");
    ProviderLanes.Hanging hanging =
        org.junit.jupiter.api.Assertions.assertThrows(
            ProviderLanes.Hanging.class,
            () ->
                lane.call(
                    () -> {
                      throw timeout;
                    }));
    assertSame(timeout, hanging.timeout());
  }
}

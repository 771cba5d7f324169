package io.zeromon.agent.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpAttributesTest {

  @Test
  void unknownMethodsBecomeOther() {
    assertThat(HttpAttributes.method("GET")).isEqualTo("GET");
    assertThat(HttpAttributes.method("get")).isEqualTo("_OTHER");
    assertThat(HttpAttributes.method("PURGE")).isEqualTo("_OTHER");
    assertThat(HttpAttributes.method(null)).isEqualTo("_OTHER");
  }

  @Test
  void credentialsInQueriesAndUrlsAreRedacted() {
    assertThat(HttpAttributes.redactQuery("a=1&Signature=abc&sig=x&X-Goog-Signature=y&AWSAccessKeyId=k"))
        .isEqualTo("a=1&Signature=REDACTED&sig=REDACTED&X-Goog-Signature=REDACTED&AWSAccessKeyId=REDACTED");
    assertThat(HttpAttributes.redactQuery("flag&b=")).isEqualTo("flag&b=");
    assertThat(HttpAttributes.redactUrl(URI.create("https://user:pw@example.com:8443/p?sig=s&q=1")))
        .isEqualTo("https://REDACTED:REDACTED@example.com:8443/p?sig=REDACTED&q=1");
    assertThat(HttpAttributes.redactUrl(URI.create("http://example.com"))).isEqualTo("http://example.com");
  }

  @Test
  void portsAndProtocolVersions() {
    assertThat(HttpAttributes.port(URI.create("https://example.com/"))).isEqualTo(443);
    assertThat(HttpAttributes.port(URI.create("http://example.com/"))).isEqualTo(80);
    assertThat(HttpAttributes.port(URI.create("http://example.com:81/"))).isEqualTo(81);
    assertThat(HttpAttributes.protocolVersion("HTTP/1.1")).isEqualTo("1.1");
    assertThat(HttpAttributes.protocolVersion("HTTP/2")).isEqualTo("2");
  }
}

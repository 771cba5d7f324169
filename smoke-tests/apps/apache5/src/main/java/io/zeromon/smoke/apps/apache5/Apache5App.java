package io.zeromon.smoke.apps.apache5;

import io.zeromon.smoke.apps.clients.ClientApp;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Apache HttpClient 5.x behind {@code /call}: modes {@code sync} (absolute URI), {@code target}
 * (HttpHost plus a relative request), {@code minimal} (HttpClients.createMinimal) and {@code async}
 * (HttpAsyncClients.createDefault, a SimpleHttpRequest). Uses only API that 5.0 has.
 */
public final class Apache5App {

  private Apache5App() {}

  public static void main(String[] args) throws Exception {
    CloseableHttpClient client = HttpClients.createDefault();
    CloseableHttpClient minimal = HttpClients.createMinimal();
    CloseableHttpAsyncClient async = HttpAsyncClients.createDefault();
    async.start();
    ClientApp.serve(
        (mode, url) -> {
          switch (mode) {
            case "sync":
              return classic(client, null, new HttpGet(url));
            case "target":
              URI uri = URI.create(url);
              return classic(
                  client,
                  new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()),
                  new HttpGet(pathAndQuery(uri)));
            case "minimal":
              return classic(minimal, null, new HttpGet(url));
            case "async":
              return async
                  .execute(new SimpleHttpRequest("GET", URI.create(url)), null)
                  .get(10, TimeUnit.SECONDS)
                  .getCode();
            default:
              throw new IllegalArgumentException(mode);
          }
        });
  }

  private static String pathAndQuery(URI uri) {
    return uri.getRawQuery() == null
        ? uri.getRawPath()
        : uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private static int classic(CloseableHttpClient client, HttpHost target, HttpGet request)
      throws Exception {
    return target == null
        ? client.execute(request, Apache5App::consume)
        : client.execute(target, request, Apache5App::consume);
  }

  private static int consume(org.apache.hc.core5.http.ClassicHttpResponse response)
      throws java.io.IOException {
    EntityUtils.consume(response.getEntity());
    return response.getCode();
  }
}

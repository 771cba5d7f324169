package io.zeromon.smoke.apps.apache4;

import io.zeromon.smoke.apps.clients.ClientApp;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.apache.http.HttpResponse;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.concurrent.FutureCallback;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.nio.client.CloseableHttpAsyncClient;
import org.apache.http.impl.nio.client.HttpAsyncClients;
import org.apache.http.util.EntityUtils;

/**
 * Apache HttpClient 4.x behind {@code /call}: modes {@code sync} (absolute URI), {@code target}
 * (HttpHost plus a relative request), {@code minimal} (HttpClients.createMinimal) and {@code async}
 * (httpasyncclient with a callback).
 */
public final class Apache4App {

  private Apache4App() {}

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
                  new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()),
                  new HttpGet(pathAndQuery(uri)));
            case "minimal":
              return classic(minimal, null, new HttpGet(url));
            case "async":
              return async(async, url);
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
    try (CloseableHttpResponse response =
        target == null ? client.execute(request) : client.execute(target, request)) {
      EntityUtils.consume(response.getEntity());
      return response.getStatusLine().getStatusCode();
    }
  }

  private static int async(CloseableHttpAsyncClient client, String url) throws Exception {
    CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    client.execute(
        new HttpGet(url),
        new FutureCallback<HttpResponse>() {
          @Override
          public void completed(HttpResponse response) {
            result.complete(response);
          }

          @Override
          public void failed(Exception error) {
            result.completeExceptionally(error);
          }

          @Override
          public void cancelled() {
            result.cancel(false);
          }
        });
    return result.get(10, TimeUnit.SECONDS).getStatusLine().getStatusCode();
  }
}

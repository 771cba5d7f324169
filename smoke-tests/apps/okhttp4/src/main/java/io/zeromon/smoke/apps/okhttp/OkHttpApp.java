package io.zeromon.smoke.apps.okhttp;

import io.zeromon.smoke.apps.clients.ClientApp;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OkHttp behind {@code /call}: modes {@code sync} ({@code execute}), {@code async} ({@code enqueue}
 * with a callback), {@code derived} (a client from {@code newBuilder()} with an interceptor of its
 * own) and {@code default} ({@code new OkHttpClient()}). Built against 4.x and 5.x alike.
 */
public final class OkHttpApp {

  private OkHttpApp() {}

  public static void main(String[] args) throws Exception {
    OkHttpClient client = new OkHttpClient.Builder().build();
    OkHttpClient derived =
        client.newBuilder().addInterceptor(chain -> chain.proceed(chain.request())).build();
    OkHttpClient plain = new OkHttpClient();
    ClientApp.serve(
        (mode, url) -> {
          Request request = new Request.Builder().url(url).build();
          switch (mode) {
            case "sync":
              return execute(client, request);
            case "derived":
              return execute(derived, request);
            case "default":
              return execute(plain, request);
            case "async":
              return enqueue(client, request);
            default:
              throw new IllegalArgumentException(mode);
          }
        });
  }

  private static int execute(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.code();
    }
  }

  private static int enqueue(OkHttpClient client, Request request) throws Exception {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    client
        .newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException error) {
                result.completeExceptionally(error);
              }

              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  result.complete(response.code());
                }
              }
            });
    return result.get(10, TimeUnit.SECONDS);
  }
}

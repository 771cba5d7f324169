package io.zeromon.instrumentation.okhttp;

import io.zeromon.bootstrap.Bridge;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Makes the CLIENT span of one OkHttp call and adds the propagation headers to its request. Runs on
 * the caller's thread for {@code execute} and on a dispatcher thread for {@code enqueue}, where
 * {@link AsyncCallInstrumentation} has made the caller's context current. A helper class: defined
 * in the library's class loader.
 */
public final class TracingInterceptor implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Object handle = Bridge.startClient(request.method(), request.url().toString());
    if (handle == null) {
      return chain.proceed(request);
    }
    String[] headers = Bridge.clientHeaders(handle);
    if (headers.length > 0) {
      Request.Builder traced = request.newBuilder();
      for (int i = 0; i + 1 < headers.length; i += 2) {
        traced.header(headers[i], headers[i + 1]);
      }
      request = traced.build();
    }
    Response response;
    // current while the call runs below: a client nested in this one adds no span
    Object scope = Bridge.makeCurrent(handle);
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException | Error e) {
      Bridge.endClient(handle, -1, e);
      throw e;
    } finally {
      Bridge.closeScope(scope);
    }
    Bridge.endClient(handle, response.code(), null);
    return response;
  }
}

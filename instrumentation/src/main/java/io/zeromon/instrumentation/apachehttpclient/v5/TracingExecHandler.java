package io.zeromon.instrumentation.apachehttpclient.v5;

import io.zeromon.bootstrap.Bridge;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * The first handler of an async 5.x client's exec chain (before redirects and retries, so one span
 * per call): starts the CLIENT span on the caller's thread, sets the propagation headers and ends
 * the span from the chain's callback. A helper class: defined in the library's class loader.
 */
public final class TracingExecHandler implements AsyncExecChainHandler {

  @Override
  public void execute(
      HttpRequest request,
      AsyncEntityProducer entityProducer,
      AsyncExecChain.Scope scope,
      AsyncExecChain chain,
      AsyncExecCallback callback)
      throws HttpException, IOException {
    Object handle = Bridge.startClient(request.getMethod(), url(request, scope));
    if (handle == null) {
      chain.proceed(request, entityProducer, scope, callback);
      return;
    }
    String[] headers = Bridge.clientHeaders(handle);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    TracingCallback traced = new TracingCallback(handle, callback);
    // current while the chain runs on this thread: a client nested in this one adds no span
    Object current = Bridge.makeCurrent(handle);
    try {
      chain.proceed(request, entityProducer, scope, traced);
    } catch (HttpException | IOException | RuntimeException | Error e) {
      traced.end(e);
      throw e;
    } finally {
      Bridge.closeScope(current);
    }
  }

  private static String url(HttpRequest request, AsyncExecChain.Scope scope) {
    if (request.getAuthority() != null) {
      try {
        return request.getUri().toString();
      } catch (URISyntaxException e) {
        // fall back on the route's target below
      }
    }
    HttpHost target = scope.route == null ? null : scope.route.getTargetHost();
    String path = request.getRequestUri() == null ? "/" : request.getRequestUri();
    return target == null ? path : target.toURI().concat(path);
  }

  /** Records the status from the response head; ends the span on completion or failure. */
  static final class TracingCallback implements AsyncExecCallback {
    private final Object handle;
    private final AsyncExecCallback delegate;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile int status = -1;

    TracingCallback(Object handle, AsyncExecCallback delegate) {
      this.handle = handle;
      this.delegate = delegate;
    }

    @Override
    public AsyncDataConsumer handleResponse(HttpResponse response, EntityDetails entityDetails)
        throws HttpException, IOException {
      status = response.getCode();
      return delegate.handleResponse(response, entityDetails);
    }

    @Override
    public void handleInformationResponse(HttpResponse response) throws HttpException, IOException {
      delegate.handleInformationResponse(response);
    }

    @Override
    public void completed() {
      end(null);
      delegate.completed();
    }

    @Override
    public void failed(Exception cause) {
      end(cause);
      delegate.failed(cause);
    }

    void end(Throwable error) {
      if (ended.compareAndSet(false, true)) {
        Bridge.endClient(handle, status, error);
      }
    }
  }
}

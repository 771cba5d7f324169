package io.zeromon.instrumentation.apachehttpclient.v4;

import io.zeromon.bootstrap.Bridge;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.http.HttpResponse;
import org.apache.http.concurrent.FutureCallback;

/**
 * Ends the CLIENT span of an async 4.x call, then hands the outcome to the application's callback
 * (if any) in the caller's trace context. A helper class: defined in the library's class loader.
 */
public final class TracingFutureCallback implements FutureCallback<HttpResponse> {

  private final Object handle;
  private final FutureCallback<HttpResponse> delegate;
  private final Object callerContext;
  private final AtomicBoolean ended = new AtomicBoolean();

  public TracingFutureCallback(Object handle, FutureCallback<HttpResponse> delegate) {
    this.handle = handle;
    this.delegate = delegate;
    this.callerContext = Bridge.currentContext();
  }

  @Override
  public void completed(HttpResponse response) {
    end(
        response == null || response.getStatusLine() == null
            ? -1
            : response.getStatusLine().getStatusCode(),
        null);
    if (delegate != null) {
      Object scope = Bridge.makeCurrent(callerContext);
      try {
        delegate.completed(response);
      } finally {
        Bridge.closeScope(scope);
      }
    }
  }

  @Override
  public void failed(Exception error) {
    end(-1, error);
    if (delegate != null) {
      Object scope = Bridge.makeCurrent(callerContext);
      try {
        delegate.failed(error);
      } finally {
        Bridge.closeScope(scope);
      }
    }
  }

  @Override
  public void cancelled() {
    end(-1, new CancellationException("request cancelled"));
    if (delegate != null) {
      Object scope = Bridge.makeCurrent(callerContext);
      try {
        delegate.cancelled();
      } finally {
        Bridge.closeScope(scope);
      }
    }
  }

  /** Ends the span once, whichever of the outcomes comes first. */
  public void end(int status, Throwable error) {
    if (ended.compareAndSet(false, true)) {
      Bridge.endClient(handle, status, error);
    }
  }
}

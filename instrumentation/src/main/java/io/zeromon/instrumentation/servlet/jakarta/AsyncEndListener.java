package io.zeromon.instrumentation.servlet.jakarta;

import io.zeromon.bootstrap.Bridge;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ends the SERVER span of an asynchronous request when the container completes it. Injected into
 * the servlet API's class loader; references only java.*, the bridge and the servlet API.
 */
public final class AsyncEndListener implements AsyncListener {

  private final Object handle;
  private final ServletResponse response;
  private volatile Throwable error;
  private boolean ended;

  private AsyncEndListener(Object handle, ServletResponse response) {
    this.handle = handle;
    this.response = response;
  }

  /**
   * Listens to the request's completion; false if the container refused the listener. Called
   * before the dispatch that started async returns, so the completion cannot have happened yet.
   */
  public static boolean register(AsyncContext context, Object handle, ServletResponse response) {
    try {
      context.addListener(new AsyncEndListener(handle, response));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {
    end();
  }

  @Override
  public void onError(AsyncEvent event) {
    // the container completes the request after its error handling: onComplete ends the span
    error = event.getThrowable();
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    // likewise; the status then tells what the client got (500 unless a listener answered)
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // startAsync again (after an async dispatch) drops the listeners that do not re-register
    event.getAsyncContext().addListener(this);
  }

  private void end() {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
    }
    int status =
        response instanceof HttpServletResponse ? ((HttpServletResponse) response).getStatus() : -1;
    Bridge.endServer(handle, status, error);
  }
}

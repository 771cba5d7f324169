package io.zeromon.apps.servlets;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The servlets and the filter that every jakarta servlet sample application mounts. */
public final class SampleServlets {

  /** The context path the applications mount the servlets under. */
  public static final String CONTEXT_PATH = "/app";

  /** How long the async servlet waits before it completes the response, on another thread. */
  static final long ASYNC_DELAY_MILLIS = 300;

  private static final ScheduledExecutorService LATER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "async-completer");
            thread.setDaemon(true);
            return thread;
          });

  private SampleServlets() {}

  /** URL patterns and their servlets (all async-capable: the forward servlet reaches async). */
  public static Map<String, HttpServlet> servlets() {
    Map<String, HttpServlet> servlets = new LinkedHashMap<>();
    servlets.put("/plain", new Plain());
    servlets.put("/forward", new Forward());
    servlets.put("/async/*", new Async());
    servlets.put("/fail", new Fail());
    servlets.put("/call", new Call());
    return servlets;
  }

  /** Where the pass-through filter is mapped: not everywhere, so servlets are entered both ways. */
  public static List<String> filteredPatterns() {
    return List.of("/forward", "/async/*");
  }

  public static Filter filter() {
    return new PassThrough();
  }

  public static void ready(int port) {
    System.out.println("READY port=" + port);
  }

  /** 200 with a body. */
  static final class Plain extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("text/plain");
      resp.getWriter().write("plain");
    }
  }

  /** Forwards inside the container to the path in {@code to} (default /plain). */
  static final class Forward extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp)
        throws IOException, ServletException {
      String to = req.getParameter("to");
      req.getRequestDispatcher(to == null ? "/plain" : to).forward(req, resp);
    }
  }

  /** Starts async and completes with 202 on another thread after {@link #ASYNC_DELAY_MILLIS}. */
  static final class Async extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      AsyncContext async = req.startAsync();
      LATER.schedule(
          () -> {
            try {
              HttpServletResponse response = (HttpServletResponse) async.getResponse();
              response.setStatus(202);
              response.setContentType("text/plain");
              response.getWriter().write("async");
            } catch (IOException e) {
              e.printStackTrace();
            } finally {
              async.complete();
            }
          },
          ASYNC_DELAY_MILLIS,
          TimeUnit.MILLISECONDS);
    }
  }

  /** An exception the application does not handle. */
  static final class Fail extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
      throw new IllegalStateException("boom");
    }
  }

  /** Calls /plain of this server with java.net.http: a CLIENT span between two SERVER spans. */
  static final class Call extends HttpServlet {
    private final HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp)
        throws IOException, ServletException {
      URI plain =
          URI.create("http://127.0.0.1:" + req.getLocalPort() + req.getContextPath() + "/plain");
      try {
        HttpResponse<String> answer =
            client.send(
                HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        resp.setContentType("text/plain");
        resp.getWriter().write("call -> " + answer.body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServletException(e);
      }
    }
  }

  /** Passes every request on. */
  static final class PassThrough implements Filter {
    @Override
    public void init(FilterConfig config) {}

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(req, resp);
    }

    @Override
    public void destroy() {}
  }
}

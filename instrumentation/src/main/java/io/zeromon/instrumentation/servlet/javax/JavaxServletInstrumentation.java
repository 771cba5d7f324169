package io.zeromon.instrumentation.servlet.javax;

import static net.bytebuddy.matcher.ElementMatchers.failSafe;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.bootstrap.CallDepth;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.DispatcherType;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The outermost {@code FilterChain.doFilter} or {@code HttpServlet.service} of a request. The
 * container's filter chain is the entry point that also covers the filters (Tomcat always enters
 * it; Jetty 9.4 only when a filter matches), and {@code HttpServlet.service} covers servlets that
 * the container calls directly. Nested calls (filters, forwards, includes) only count the call
 * depth; error and async dispatches of a request belong to its first span.
 */
public final class JavaxServletInstrumentation implements TypeInstrumentation {

  @Override
  public String[] markerClassNames() {
    // AsyncContext: Servlet 3.0, the first version with dispatcher types and getStatus()
    return new String[] {"javax.servlet.http.HttpServlet", "javax.servlet.AsyncContext"};
  }

  @Override
  public String[] helperClassNames() {
    // names, not class literals: this runs in the agent's loader, which has no servlet API
    return new String[] {
      "io.zeromon.instrumentation.servlet.javax.AsyncEndListener",
      "io.zeromon.instrumentation.servlet.javax.ServletRoutes"
    };
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("javax.servlet.http.HttpServlet")
        .or(
            nameContains("Chain")
                .and(not(isInterface()))
                .and(failSafe(hasSuperType(named("javax.servlet.FilterChain")))));
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        namedOneOf("service", "doFilter")
            .and(not(isAbstract()))
            .and(takesArguments(2))
            .and(takesArgument(0, named("javax.servlet.ServletRequest")))
            .and(takesArgument(1, named("javax.servlet.ServletResponse"))),
        getClass().getName() + "$ServiceAdvice");
  }

  /** Starts the SERVER span at the outermost call and ends it, or hands it to the async end. */
  public static final class ServiceAdvice {
    private ServiceAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(
        @Advice.Argument(0) ServletRequest request,
        @Advice.Local("zeromonScope") Object scope) {
      if (CallDepth.enter(CallDepth.SERVLET) != 0 || !(request instanceof HttpServletRequest)) {
        return null;
      }
      HttpServletRequest http = (HttpServletRequest) request;
      DispatcherType type = http.getDispatcherType();
      if (type == DispatcherType.ASYNC) {
        // continues a request whose span is still open: run in its context, end nothing here
        scope = Bridge.makeCurrent(http.getAttribute("io.zeromon.servlet.context"));
        return null;
      }
      if (type != DispatcherType.REQUEST) {
        return null; // an error page after the request's span ended: part of that request
      }
      Map<String, List<String>> headers = new HashMap<>();
      for (String name : Bridge.propagationFields()) {
        Enumeration<String> values = http.getHeaders(name);
        if (values != null && values.hasMoreElements()) {
          headers.put(name, Collections.list(values));
        }
      }
      String userAgent = http.getHeader("User-Agent");
      if (userAgent != null) {
        headers.put("User-Agent", Collections.singletonList(userAgent));
      }
      // the mapping API is Servlet 4.0+; ServletRoutes is never linked on older containers
      String route =
          http.getServletContext().getMajorVersion() >= 4 ? ServletRoutes.route(http) : null;
      return Bridge.startServer(
          http.getMethod(),
          http.getScheme(),
          http.getRequestURI(),
          http.getQueryString(),
          http.getServerName(),
          http.getServerPort(),
          http.getProtocol(),
          http.getRemoteAddr(),
          headers,
          route);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
        @Advice.Enter Object handle,
        @Advice.Local("zeromonScope") Object scope,
        @Advice.Argument(0) ServletRequest request,
        @Advice.Argument(1) ServletResponse response,
        @Advice.Thrown Throwable error) {
      CallDepth.exit(CallDepth.SERVLET);
      Bridge.closeScope(scope);
      if (handle == null) {
        return;
      }
      // an exception ends the request here, async or not: the container answers it with an error
      if (error == null && request.isAsyncStarted()) {
        // the context for async dispatches of this request (read by the enter advice above)
        request.setAttribute("io.zeromon.servlet.context", Bridge.currentContext());
        if (AsyncEndListener.register(request.getAsyncContext(), handle, response)) {
          Bridge.detachServer(handle);
          return;
        }
      }
      int status =
          response instanceof HttpServletResponse
              ? ((HttpServletResponse) response).getStatus()
              : -1;
      Throwable cause = error;
      if (error != null) {
        if (!response.isCommitted()) {
          status = 500; // what the container sends for an exception that escapes the servlet
        }
        if (error instanceof ServletException && error.getCause() != null) {
          cause = error.getCause(); // frameworks wrap the application's exception
        }
      }
      Bridge.endServer(handle, status, cause);
    }
  }
}

package io.zeromon.instrumentation.springwebmvc;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code DispatcherServlet.getHandler} (Spring 2.5+): once it returns a handler, the handler
 * mapping has put the pattern that matched into the request, and it names the route of the
 * servlet span. Only for the request's own dispatch (and its async continuation): a forward,
 * include or error page leaves the route the client asked for.
 */
public final class DispatcherServletInstrumentation implements TypeInstrumentation {

  @Override
  public String[] markerClassNames() {
    // in every Spring MVC version (2.0+), javax or jakarta
    return new String[] {"org.springframework.web.servlet.DispatcherServlet"};
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("org.springframework.web.servlet.DispatcherServlet");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    String prefix = getClass().getName();
    advice.applyAdvice(
        named("getHandler")
            .and(takesArguments(1))
            .and(takesArgument(0, named("jakarta.servlet.http.HttpServletRequest"))),
        prefix + "$JakartaGetHandlerAdvice");
    advice.applyAdvice(
        named("getHandler")
            .and(takesArguments(1))
            .and(takesArgument(0, named("javax.servlet.http.HttpServletRequest"))),
        prefix + "$JavaxGetHandlerAdvice");
  }

  /** Spring 6+ ({@code jakarta.servlet}). */
  public static final class JakartaGetHandlerAdvice {
    private JakartaGetHandlerAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(
        @Advice.Argument(0) jakarta.servlet.http.HttpServletRequest request,
        @Advice.Return Object handler) {
      jakarta.servlet.DispatcherType type = request.getDispatcherType();
      if (handler == null
          || (type != jakarta.servlet.DispatcherType.REQUEST
              && type != jakarta.servlet.DispatcherType.ASYNC)) {
        return;
      }
      // HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE: a String, or a PathPattern (toString)
      Object pattern =
          request.getAttribute(
              "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern");
      if (pattern == null) {
        return;
      }
      // patterns are relative to the servlet's path mapping (e.g. /api/*) and the context path
      String prefix = request.getContextPath();
      if (request.getPathInfo() != null) {
        prefix = prefix.concat(request.getServletPath());
      }
      Bridge.setServerRoute(prefix.concat(pattern.toString()));
    }
  }

  /** Spring 5 and older ({@code javax.servlet} 3.0+). */
  public static final class JavaxGetHandlerAdvice {
    private JavaxGetHandlerAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(
        @Advice.Argument(0) javax.servlet.http.HttpServletRequest request,
        @Advice.Return Object handler) {
      javax.servlet.DispatcherType type = request.getDispatcherType();
      if (handler == null
          || (type != javax.servlet.DispatcherType.REQUEST
              && type != javax.servlet.DispatcherType.ASYNC)) {
        return;
      }
      Object pattern =
          request.getAttribute(
              "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern");
      if (pattern == null) {
        return;
      }
      String prefix = request.getContextPath();
      if (request.getPathInfo() != null) {
        prefix = prefix.concat(request.getServletPath());
      }
      Bridge.setServerRoute(prefix.concat(pattern.toString()));
    }
  }
}

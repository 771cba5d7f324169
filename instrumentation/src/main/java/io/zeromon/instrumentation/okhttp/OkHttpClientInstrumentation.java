package io.zeromon.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The {@code OkHttpClient(Builder)} constructor, which {@code Builder.build()} and {@code new
 * OkHttpClient()} both run: a {@link TracingInterceptor} becomes the last application interceptor
 * before the builder's list is copied, so it sees the request as the application's interceptors
 * left it, once per call (redirects and retries happen below it). A builder from {@code
 * client.newBuilder()} already holds one: it is moved to the end, never doubled.
 */
public final class OkHttpClientInstrumentation implements TypeInstrumentation {

  @Override
  public String[] markerClassNames() {
    return new String[] {OkHttpModule.MARKER};
  }

  @Override
  public String[] helperClassNames() {
    // a name, not a class literal: the agent must never load a class that links to the library
    return new String[] {"io.zeromon.instrumentation.okhttp.TracingInterceptor"};
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("okhttp3.OkHttpClient");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        isConstructor()
            .and(takesArguments(1))
            .and(takesArgument(0, named("okhttp3.OkHttpClient$Builder"))),
        getClass().getName() + "$ConstructorAdvice");
  }

  /** Puts the tracing interceptor last in the builder's application interceptors. */
  public static final class ConstructorAdvice {
    private ConstructorAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) OkHttpClient.Builder builder) {
      List<Interceptor> interceptors = builder.interceptors();
      int last = interceptors.size() - 1;
      if (last >= 0 && interceptors.get(last) instanceof TracingInterceptor) {
        return;
      }
      for (int i = last; i >= 0; i--) {
        if (interceptors.get(i) instanceof TracingInterceptor) {
          interceptors.remove(i);
        }
      }
      interceptors.add(new TracingInterceptor());
    }
  }
}

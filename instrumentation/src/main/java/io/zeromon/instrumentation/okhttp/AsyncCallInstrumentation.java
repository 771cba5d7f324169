package io.zeromon.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.zeromon.bootstrap.Bridge;
import io.zeromon.instrumentation.AdviceRegistry;
import io.zeromon.instrumentation.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code RealCall.AsyncCall.run}, on a dispatcher thread: the context {@code enqueue} kept with the
 * call is current while the interceptors and then the application's callback run.
 */
public final class AsyncCallInstrumentation implements TypeInstrumentation {

  @Override
  public String[] markerClassNames() {
    return new String[] {OkHttpModule.MARKER};
  }

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named(OkHttpModule.MARKER + "$AsyncCall");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(named("run").and(takesArguments(0)), getClass().getName() + "$RunAdvice");
  }

  /** Makes the enqueuing thread's context current for the run. */
  public static final class RunAdvice {
    private RunAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.FieldValue("this$0") Object call) {
      // this$0: the enclosing RealCall of the Kotlin inner class (4.x and 5.x)
      return Bridge.makeCurrent(Bridge.detach(call));
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter Object scope) {
      Bridge.closeScope(scope);
    }
  }
}

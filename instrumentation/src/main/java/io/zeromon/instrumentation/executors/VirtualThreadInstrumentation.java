package io.zeromon.instrumentation.executors;

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
 * Virtual threads (JDK 21+, matched by name so that the agent stays Java 11): every virtual thread
 * is created by {@code ThreadBuilders.newVirtualThread(scheduler, name, characteristics, task)}
 * ({@code Thread.ofVirtual().start/unstarted}, its factory, {@code Thread.startVirtualThread},
 * {@code Executors.newVirtualThreadPerTaskExecutor()}), whose task is wrapped here. The wrapper
 * stays with the Thread object, as the task itself does, until the application drops the thread.
 */
public final class VirtualThreadInstrumentation implements TypeInstrumentation {

  @Override
  public ElementMatcher<TypeDescription> typeMatcher() {
    return named("java.lang.ThreadBuilders");
  }

  @Override
  public void transform(AdviceRegistry advice) {
    advice.applyAdvice(
        named("newVirtualThread").and(takesArguments(4)).and(takesArgument(3, Runnable.class)),
        getClass().getName() + "$NewVirtualThreadAdvice");
  }

  /** Wraps the virtual thread's task in the current context, if there is one. */
  public static final class NewVirtualThreadAdvice {
    private NewVirtualThreadAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 3, readOnly = false) Runnable task) {
      task = Bridge.wrap(task);
    }
  }
}

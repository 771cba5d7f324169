package io.zeromon.agent.install;

import io.zeromon.instrumentation.AdviceRegistry;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;

/** Collects a type instrumentation's advice into one ByteBuddy transformer. */
final class AdviceTransformer implements AdviceRegistry {

  private AgentBuilder.Transformer.ForAdvice transformer;

  AdviceTransformer(ClassFileLocator adviceLocator) {
    // Advice is read as bytes through the locator and inlined; the agent never loads it.
    this.transformer = new AgentBuilder.Transformer.ForAdvice().include(adviceLocator);
  }

  @Override
  public void applyAdvice(ElementMatcher<? super MethodDescription> methods, String adviceClass) {
    transformer = transformer.advice(methods, adviceClass);
  }

  @Override
  public void applyAdvice(
      ElementMatcher<? super MethodDescription> methods, String enterClass, String exitClass) {
    transformer = transformer.advice(methods, enterClass, exitClass);
  }

  AgentBuilder.Transformer transformer() {
    return transformer;
  }
}

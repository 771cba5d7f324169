package io.zeromon.agent.install;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import io.zeromon.agent.AgentLog;
import io.zeromon.agent.config.AgentConfig;
import io.zeromon.instrumentation.InstrumentationModule;
import io.zeromon.instrumentation.Instrumentations;
import io.zeromon.instrumentation.TypeInstrumentation;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;

/** Installs the enabled instrumentations with one ByteBuddy agent builder. */
public final class InstrumentationInstaller {

  private InstrumentationInstaller() {}

  private static final String BYTE_BUDDY_SAFE = "net.bytebuddy.safe";

  /**
   * Returns the names of the instrumentations installed. ByteBuddy's class injectors probe {@code
   * sun.misc.Unsafe} when first initialised, which JDK 24+ reports on the application's stderr;
   * we need no injection (advice is inlined), so the probe is switched off for our copy of
   * ByteBuddy only: its classes read the property during this call, which restores it after.
   */
  public static List<String> install(
      Instrumentation inst,
      AgentConfig config,
      ClassLoader agentLoader,
      Module bridgeModule,
      TransformationListener listener) {
    String previous = System.getProperty(BYTE_BUDDY_SAFE);
    System.setProperty(BYTE_BUDDY_SAFE, "true");
    try {
      return installSafely(inst, config, agentLoader, bridgeModule, listener);
    } finally {
      if (previous == null) {
        System.clearProperty(BYTE_BUDDY_SAFE);
      } else {
        System.setProperty(BYTE_BUDDY_SAFE, previous);
      }
    }
  }

  private static HelperInjector helperInjector(Instrumentation inst, ClassLoader agentLoader) {
    try {
      return new HelperInjector(inst, agentLoader);
    } catch (ReflectiveOperationException | RuntimeException e) {
      AgentLog.warn("instrumentations that need helper classes are off: " + e);
      return null;
    }
  }

  private static List<String> installSafely(
      Instrumentation inst,
      AgentConfig config,
      ClassLoader agentLoader,
      Module bridgeModule,
      TransformationListener listener) {
    ClassFileLocator adviceLocator = ClassFileLocator.ForClassLoader.of(agentLoader);
    AgentBuilder builder =
        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
            .disableClassFormatChanges()
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(AgentBuilder.PoolStrategy.Default.FAST)
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(listener)
            .with(new ModuleReadEdges(inst, bridgeModule))
            // The default ignores JDK classes; we instrument some, so name what to skip instead.
            .ignore(
                nameStartsWith("net.bytebuddy.")
                    .or(nameStartsWith("io.zeromon."))
                    .or(nameStartsWith("jdk.internal.reflect."))
                    .or(isSynthetic()))
            .or(any(), is(agentLoader));
    List<String> installed = new ArrayList<>();
    HelperInjector helpers = null;
    for (InstrumentationModule module : Instrumentations.all()) {
      if (!config.instrumentationEnabled(module.name())) {
        AgentLog.debug("instrumentation " + module.name() + " is switched off");
        continue;
      }
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        AdviceTransformer transformer = new AdviceTransformer(adviceLocator);
        type.transform(transformer);
        AgentBuilder.Identified.Extendable extendable =
            builder.type(type.typeMatcher(), new MarkerClassMatcher(type.markerClassNames()))
                .transform(transformer.transformer());
        String[] helperNames = type.helperClassNames();
        if (helperNames.length > 0) {
          if (helpers == null) {
            helpers = helperInjector(inst, agentLoader);
          }
          HelperInjector injector = helpers;
          extendable =
              extendable.transform(
                  (b, typeDescription, loader, javaModule, domain) -> {
                    if (injector != null) {
                      injector.inject(loader, helperNames);
                    }
                    return b;
                  });
        }
        builder = extendable;
      }
      installed.add(module.name());
    }
    builder.installOn(inst);
    return installed;
  }
}

package io.zeromon.agent.install;

import io.zeromon.agent.AgentLog;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Defines an instrumentation's helper classes (filters, interceptors, listeners implementing a
 * library interface) in the class loader of the library, once per loader. It calls {@code
 * ClassLoader.defineClass} after the agent opened {@code java.lang} to its own module through the
 * Instrumentation API: no {@code Unsafe}, and nothing opened to anyone else.
 */
final class HelperInjector {

  private final ClassLoader agentLoader;
  private final Method defineClass;
  private final Map<ClassLoader, Set<String>> injected = new WeakHashMap<>();

  HelperInjector(Instrumentation inst, ClassLoader agentLoader) throws ReflectiveOperationException {
    this.agentLoader = agentLoader;
    Module javaBase = Object.class.getModule();
    inst.redefineModule(
        javaBase,
        Collections.emptySet(),
        Collections.emptyMap(),
        Collections.singletonMap("java.lang", Collections.singleton(agentLoader.getUnnamedModule())),
        Collections.emptySet(),
        Collections.emptyMap());
    defineClass =
        ClassLoader.class.getDeclaredMethod(
            "defineClass", String.class, byte[].class, int.class, int.class, ProtectionDomain.class);
    defineClass.setAccessible(true);
  }

  /** Defines the named classes in {@code loader} unless done before; never throws. */
  synchronized void inject(ClassLoader loader, String[] classNames) {
    if (loader == null || classNames.length == 0) {
      return;
    }
    Set<String> done = injected.computeIfAbsent(loader, l -> new HashSet<>());
    for (String name : classNames) {
      if (done.add(name)) {
        define(loader, name);
      }
    }
  }

  private void define(ClassLoader loader, String name) {
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in = agentLoader.getResourceAsStream(resource)) {
      if (in == null) {
        AgentLog.warn("helper class " + name + " is missing from the agent");
        return;
      }
      byte[] bytes = in.readAllBytes();
      defineClass.invoke(loader, name, bytes, 0, bytes.length, null);
    } catch (IOException | ReflectiveOperationException | LinkageError e) {
      // a LinkageError here usually means it is already defined there: fine
      AgentLog.debug("helper class " + name + " not injected into " + loader + ": " + e);
    }
  }
}

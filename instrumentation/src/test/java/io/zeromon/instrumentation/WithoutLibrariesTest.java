package io.zeromon.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent sets every instrumentation up in its own class loader, where no instrumented library
 * is: listing modules, markers, helpers, matchers and advice names must never load a library type
 * (a class literal of a helper would, and the agent would fail to start).
 */
class WithoutLibrariesTest {

  @Test
  void everyInstrumentationSetsUpWithoutItsLibrary() throws Exception {
    URL[] urls = {
      Paths.get("target", "classes").toUri().toURL(),
      codeSource("net.bytebuddy.ByteBuddy"),
      codeSource("io.zeromon.bootstrap.Bridge")
    };
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThat(loader.getResource("okhttp3/OkHttpClient.class")).isNull();
      Class<?> registry = loader.loadClass(AdviceRegistry.class.getName());
      Object ignoringRegistry =
          Proxy.newProxyInstance(loader, new Class<?>[] {registry}, (proxy, method, args) -> null);
      List<?> modules =
          (List<?>)
              loader.loadClass(Instrumentations.class.getName()).getMethod("all").invoke(null);
      int types = 0;
      for (Object module : modules) {
        invoke(module, "name");
        for (Object type : (List<?>) invoke(module, "typeInstrumentations")) {
          invoke(type, "markerClassNames");
          invoke(type, "helperClassNames");
          invoke(type, "typeMatcher");
          Method transform = publicMethod(type, "transform");
          transform.invoke(type, ignoringRegistry);
          types++;
        }
      }
      assertThat(types).isGreaterThanOrEqualTo(modules.size());
    }
  }

  private static URL codeSource(String className) throws ClassNotFoundException {
    return Class.forName(className).getProtectionDomain().getCodeSource().getLocation();
  }

  private static Object invoke(Object target, String name) throws Exception {
    return publicMethod(target, name).invoke(target);
  }

  /** The method as its public interface declares it (implementations may be in hidden classes). */
  private static Method publicMethod(Object target, String name) {
    for (Class<?> type : target.getClass().getInterfaces()) {
      for (Method method : type.getMethods()) {
        if (method.getName().equals(name)) {
          return method;
        }
      }
    }
    throw new AssertionError(target.getClass() + " has no " + name);
  }
}

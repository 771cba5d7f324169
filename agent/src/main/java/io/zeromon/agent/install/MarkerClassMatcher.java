package io.zeromon.agent.install;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Matches class loaders that can see every marker class of an instrumentation, so that its type
 * matchers only run where its library is present. Results are cached per loader, weakly, so an
 * application's class loader is never pinned.
 */
final class MarkerClassMatcher extends ElementMatcher.Junction.AbstractBase<ClassLoader> {

  private final String[] markerResources;
  private final Map<ClassLoader, Boolean> cache =
      Collections.synchronizedMap(new WeakHashMap<>());

  MarkerClassMatcher(String[] markerClassNames) {
    markerResources = new String[markerClassNames.length];
    for (int i = 0; i < markerClassNames.length; i++) {
      markerResources[i] = markerClassNames[i].replace('.', '/') + ".class";
    }
  }

  @Override
  public boolean matches(ClassLoader loader) {
    if (markerResources.length == 0) {
      return true;
    }
    if (loader == null) {
      return hasAll(ClassLoader.getPlatformClassLoader());
    }
    Boolean known = cache.get(loader);
    if (known == null) {
      known = hasAll(loader);
      cache.put(loader, known);
    }
    return known;
  }

  private boolean hasAll(ClassLoader loader) {
    for (String resource : markerResources) {
      if (loader.getResource(resource) == null) {
        return false;
      }
    }
    return true;
  }
}

package io.zeromon.agent.bridge;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Handles kept with objects of instrumented libraries, held weakly so that an object the
 * application drops (with its span never ended) takes its entry with it.
 */
final class AttachedHandles {

  // Keys are library objects that do not override equals/hashCode (connections, requests).
  private final Map<Object, Object> handles = new WeakHashMap<>();

  synchronized void put(Object owner, Object handle) {
    handles.put(owner, handle);
  }

  synchronized Object remove(Object owner) {
    return handles.remove(owner);
  }

  synchronized boolean contains(Object owner) {
    return handles.containsKey(owner);
  }
}

package io.zeromon.agent.bridge;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handles kept with objects of instrumented libraries, held weakly so that an object the
 * application drops (with its span never ended) takes its entry with it.
 *
 * <p>A concurrent map keyed by identity: executor tasks are attached and detached on every thread
 * of every pool, so a lock (the synchronized WeakHashMap this replaces) would serialize them, and
 * could park a virtual thread's carrier; keys are compared by identity, never by the application's
 * {@code equals}/{@code hashCode} (a task type may override them, or make them expensive). Entries
 * whose key was collected are removed on the next put or remove.
 */
final class AttachedHandles {

  private final ConcurrentHashMap<Object, Object> handles = new ConcurrentHashMap<>();
  private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

  void put(Object owner, Object handle) {
    expunge();
    handles.put(new WeakKey(owner, collected), handle);
  }

  Object remove(Object owner) {
    // the common case on a task's hot path: nothing attached anywhere, no lookup key needed
    if (handles.isEmpty()) {
      return null;
    }
    Object handle = handles.remove(new LookupKey(owner));
    expunge();
    return handle;
  }

  boolean contains(Object owner) {
    return !handles.isEmpty() && handles.containsKey(new LookupKey(owner));
  }

  /** The number of entries, collected keys not yet removed included (for tests). */
  int size() {
    return handles.size();
  }

  private void expunge() {
    Object key;
    while ((key = collected.poll()) != null) {
      handles.remove(key);
    }
  }

  /** The stored key: weak, equal to another key only for the same (live) referent. */
  private static final class WeakKey extends WeakReference<Object> {
    private final int hash;

    WeakKey(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other == this) {
        return true;
      }
      Object referent = get();
      if (referent == null) {
        return false;
      }
      if (other instanceof LookupKey) {
        return ((LookupKey) other).referent == referent;
      }
      return other instanceof WeakKey && ((WeakKey) other).get() == referent;
    }
  }

  /** A short-lived strong key to look an owner up with. */
  private static final class LookupKey {
    final Object referent;
    private final int hash;

    LookupKey(Object referent) {
      this.referent = referent;
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other instanceof WeakKey) {
        return ((WeakKey) other).get() == referent;
      }
      return other instanceof LookupKey && ((LookupKey) other).referent == referent;
    }
  }
}

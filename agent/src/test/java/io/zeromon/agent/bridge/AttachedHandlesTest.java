package io.zeromon.agent.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AttachedHandlesTest {

  private final AttachedHandles handles = new AttachedHandles();

  /** A task type whose equals/hashCode must never be used as a map key's. */
  static final class Hostile {
    @Override
    public boolean equals(Object other) {
      throw new AssertionError("equals called");
    }

    @Override
    public int hashCode() {
      throw new AssertionError("hashCode called");
    }
  }

  @Test
  void keysAreComparedByIdentityOnly() {
    String one = new String("task");
    String other = new String("task");
    Hostile hostile = new Hostile();
    handles.put(one, "one");
    handles.put(hostile, "hostile");

    assertThat(handles.contains(other)).isFalse();
    assertThat(handles.remove(other)).isNull();
    assertThat(handles.contains(hostile)).isTrue();
    assertThat(handles.remove(hostile)).isEqualTo("hostile");
    assertThat(handles.remove(hostile)).as("removed once").isNull();
    assertThat(handles.remove(one)).isEqualTo("one");
    assertThat(handles.size()).isZero();
  }

  @Test
  void anOwnerTheApplicationDropsTakesItsEntryWithIt() throws InterruptedException {
    WeakReference<Object> dropped = attachToGarbage();
    for (int i = 0; i < 50 && dropped.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(dropped.get()).as("the map holds its keys weakly").isNull();
    Object kept = new Object();
    // a collected key goes on the next put once the JVM has queued its reference (asynchronously)
    handles.put(kept, "kept");
    for (int i = 0; i < 100 && handles.size() > 1; i++) {
      Thread.sleep(10);
      handles.put(kept, "kept");
    }
    assertThat(handles.size()).isEqualTo(1);
    assertThat(handles.remove(kept)).isEqualTo("kept");
  }

  private WeakReference<Object> attachToGarbage() {
    Object owner = new Object();
    handles.put(owner, "handle");
    return new WeakReference<>(owner);
  }

  @Test
  void manyThreadsAttachAndDetachWithoutLosingAnEntry() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> found = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        found.add(
            threads.submit(
                () -> {
                  int ok = 0;
                  for (int i = 0; i < 10_000; i++) {
                    Object owner = new Object();
                    handles.put(owner, owner);
                    if (handles.contains(owner) && handles.remove(owner) == owner) {
                      ok++;
                    }
                  }
                  return ok;
                }));
      }
      for (Future<Integer> f : found) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(10_000);
      }
      assertThat(handles.size()).isZero();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theBridgeUnwrapsOnlyItsOwnWrappers() {
    TracingBridge bridge =
        new TracingBridge(
            SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create()))
                .build()
                .get("test"),
            W3CTraceContextPropagator.getInstance(),
            new ClassLoader() {},
            RequestListener.NONE);
    Runnable task = () -> {};
    assertThat(bridge.unwrap(task)).isSameAs(task);
    Object server =
        bridge.startServer(
            "GET", "http", "/x", null, "localhost", 80, "HTTP/1.1", null, java.util.Map.of(), null);
    Runnable wrapped = bridge.wrap(task);
    bridge.endServer(server, 200, null);
    assertThat(wrapped).isNotSameAs(task);
    assertThat(bridge.unwrap(wrapped)).isSameAs(task);
    assertThat(bridge.detach(task)).as("nothing attached").isNull();
  }
}

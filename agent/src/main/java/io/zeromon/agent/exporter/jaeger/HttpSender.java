package io.zeromon.agent.exporter.jaeger;

import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.opentelemetry.api.impl.InstrumentationUtil;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;

/**
 * POSTs a Thrift-binary {@code Batch} to a Jaeger collector with the JDK's HTTP client,
 * asynchronously: {@link #send} returns at once, and each request is bounded by the timeout.
 */
final class HttpSender implements JaegerSender {

  private final URI endpoint;
  private final Duration timeout;
  private final String authorization;
  private final JaegerCounters counters;
  private final ExecutorService executor;
  private final HttpClient client;
  private final Set<CompletableResultCode> pending = ConcurrentHashMap.newKeySet();

  HttpSender(JaegerExporterSettings settings, JaegerCounters counters) {
    this.endpoint = URI.create(settings.endpoint());
    this.timeout = Duration.ofMillis(settings.timeoutMillis());
    this.authorization = authorization(settings.user(), settings.password());
    this.counters = counters;
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), HttpSender::thread);
    pool.allowCoreThreadTimeOut(true);
    this.executor = pool;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).executor(executor).build();
  }

  private static Thread thread(Runnable task) {
    Thread thread = new Thread(task, "zeromon-jaeger-http");
    thread.setDaemon(true);
    return thread;
  }

  private static String authorization(String user, String password) {
    if (user == null) {
      return null;
    }
    String credentials = user + ":" + (password == null ? "" : password);
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public CompletableResultCode send(Process process, List<Span> spans) {
    int count = spans.size();
    byte[] body;
    try {
      body = new TSerializer(new TBinaryProtocol.Factory()).serialize(new Batch(process, spans));
    } catch (TException | RuntimeException e) {
      counters.droppedError.add(count);
      return CompletableResultCode.ofExceptionalFailure(e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/x-thrift")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    CompletableResultCode result = new CompletableResultCode();
    pending.add(result);
    // our own request must not become a span of the JDK client instrumentation
    InstrumentationUtil.suppressInstrumentation(
        () -> {
          try {
            client
                .sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> done(result, count, response, error));
          } catch (RuntimeException e) {
            done(result, count, null, e);
          }
        });
    return result;
  }

  private void done(
      CompletableResultCode result, int count, HttpResponse<?> response, Throwable error) {
    pending.remove(result);
    if (error == null && response.statusCode() / 100 == 2) {
      counters.packetsSent.increment();
      counters.spansSent.add(count);
      result.succeed();
    } else {
      counters.droppedError.add(count);
      result.failExceptionally(
          error != null
              ? error
              : new IllegalStateException("Jaeger collector answered " + response.statusCode()));
    }
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofAll(new ArrayList<>(pending));
  }

  @Override
  public CompletableResultCode shutdown() {
    CompletableResultCode flushed = flush();
    // the client has no close() before JDK 21: ending its executor's threads is what we can do
    flushed.whenComplete(executor::shutdown);
    return flushed;
  }
}

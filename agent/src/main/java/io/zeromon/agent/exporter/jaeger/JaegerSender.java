package io.zeromon.agent.exporter.jaeger;

import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.List;

/** Delivers spans of one process; counts every span it sends or drops. */
interface JaegerSender {

  CompletableResultCode send(Process process, List<Span> spans);

  CompletableResultCode flush();

  CompletableResultCode shutdown();
}

package io.zeromon.agent.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportingSpanExporterTest {

  private static final SpanData SPAN =
      TestSpanData.builder()
          .setName("GET /x")
          .setKind(SpanKind.SERVER)
          .setStartEpochNanos(1)
          .setEndEpochNanos(2)
          .setHasEnded(true)
          .setStatus(StatusData.create(StatusCode.UNSET, ""))
          .build();

  private static final class FailingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofExceptionalFailure(new ConnectException("refused"));
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  @Test
  void failuresAreCountedAndLoggedOncePerInterval() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true));
    try {
      ReportingSpanExporter exporter =
          new ReportingSpanExporter(new FailingExporter(), "OTLP test", 60_000);
      for (int i = 0; i < 50; i++) {
        exporter.export(List.of(SPAN, SPAN));
      }
      assertThat(exporter.failedSpans()).isEqualTo(100);
      assertThat(exporter.exportedSpans()).isZero();
    } finally {
      System.setErr(original);
    }
    String log = captured.toString();
    assertThat(log.lines().filter(l -> l.contains("span export to OTLP test failed"))).hasSize(1);
    assertThat(log).contains("java.net.ConnectException: refused");
  }

  @Test
  void successesAreCounted() {
    ReportingSpanExporter exporter =
        new ReportingSpanExporter(new ConsoleSpanExporter(new PrintStream(new ByteArrayOutputStream())), "console", 1000);
    exporter.export(List.of(SPAN, SPAN, SPAN));
    assertThat(exporter.exportedSpans()).isEqualTo(3);
  }
}

package io.zeromon.agent.trace;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.util.Collection;
import java.util.Collections;
import java.util.function.Supplier;

/**
 * The SDK's own telemetry (spans started, queue size and capacity, spans processed or dropped by
 * the batch processor, spans exported or failed by the exporters), read at scrape time. The meter
 * provider is built only when the SDK first asks for it (on its worker thread), never at start-up.
 */
public final class SdkSelfMetrics implements MetricReader {

  private volatile CollectionRegistration registration = CollectionRegistration.noop();
  private SdkMeterProvider provider;

  /** What the SDK's builders take. */
  Supplier<MeterProvider> meterProvider() {
    return this::provider;
  }

  private synchronized MeterProvider provider() {
    if (provider == null) {
      provider = SdkMeterProvider.builder().registerMetricReader(this).build();
    }
    return provider;
  }

  /** Current values, empty until the SDK recorded anything. */
  public Collection<MetricData> collect() {
    try {
      return registration.collectAllMetrics();
    } catch (RuntimeException e) {
      return Collections.emptyList();
    }
  }

  @Override
  public void register(CollectionRegistration registration) {
    this.registration = registration;
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.CUMULATIVE;
  }

  @Override
  public CompletableResultCode forceFlush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}

package io.zeromon.agent.metrics.http;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets the Prometheus client's scrape handler (content negotiation, gzip, name filters) answer a
 * request of our server: the body is buffered so that the response carries its exact length.
 */
final class ScrapeExchange implements PrometheusHttpExchange {

  private final HttpRequestHead head;
  final Map<String, String> responseHeaders = new LinkedHashMap<>();
  final ByteArrayOutputStream body = new ByteArrayOutputStream();
  int status = 500;

  ScrapeExchange(HttpRequestHead head) {
    this.head = head;
  }

  @Override
  public PrometheusHttpRequest getRequest() {
    return new PrometheusHttpRequest() {
      @Override
      public String getQueryString() {
        return head.query;
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(head.headers(name));
      }

      @Override
      public String getMethod() {
        // HEAD gets the same headers as GET; the server leaves out the body
        return "HEAD".equals(head.method) ? "GET" : head.method;
      }

      @Override
      public String getRequestPath() {
        return head.path;
      }
    };
  }

  @Override
  public PrometheusHttpResponse getResponse() {
    return new PrometheusHttpResponse() {
      @Override
      public void setHeader(String name, String value) {
        responseHeaders.put(name, value);
      }

      @Override
      public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
        status = statusCode;
        return body;
      }
    };
  }

  @Override
  public void handleException(IOException e) throws IOException {
    throw e;
  }

  @Override
  public void handleException(RuntimeException e) {
    throw e;
  }

  @Override
  public void close() {
    // the server writes the response once the handler is done
  }
}

package io.zeromon.apps.jetty12;

import io.zeromon.apps.servlets.SampleServlets;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The sample servlets on Jetty 12 (ee10), on 127.0.0.1 and a free port. */
public final class Jetty12App {

  private Jetty12App() {}

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath(SampleServlets.CONTEXT_PATH);
    for (Map.Entry<String, HttpServlet> servlet : SampleServlets.servlets().entrySet()) {
      ServletHolder holder = new ServletHolder(servlet.getValue());
      holder.setAsyncSupported(true);
      context.addServlet(holder, servlet.getKey());
    }
    FilterHolder filter = new FilterHolder(SampleServlets.filter());
    filter.setAsyncSupported(true);
    for (String pattern : SampleServlets.filteredPatterns()) {
      context.addFilter(filter, pattern, EnumSet.of(DispatcherType.REQUEST));
    }
    server.setHandler(context);

    server.start();
    SampleServlets.ready(connector.getLocalPort());
    server.join();
  }
}

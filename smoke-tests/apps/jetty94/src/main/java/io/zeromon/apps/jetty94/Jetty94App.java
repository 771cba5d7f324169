package io.zeromon.apps.jetty94;

import io.zeromon.apps.servlets.SampleServlets;
import java.util.EnumSet;
import java.util.Map;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/** The sample servlets on Jetty 9.4, on 127.0.0.1 and a free port. */
public final class Jetty94App {

  private Jetty94App() {}

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

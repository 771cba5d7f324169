package io.zeromon.apps.tomcat11;

import io.zeromon.apps.servlets.SampleServlets;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * The sample servlets on embedded Tomcat 11, on 127.0.0.1 and a free port ({@code -Dapp.host},
 * {@code -Dapp.port}: 0.0.0.0 and a fixed port in a container).
 */
public final class Tomcat11App {

  private Tomcat11App() {}

  public static void main(String[] args) throws Exception {
    Path base = Files.createTempDirectory("tomcat11");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.toString());
    Connector connector = new Connector();
    connector.setPort(Integer.getInteger("app.port", 0));
    connector.setProperty("address", System.getProperty("app.host", "127.0.0.1"));
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);

    Context context = tomcat.addContext(SampleServlets.CONTEXT_PATH, base.toString());
    for (Map.Entry<String, HttpServlet> servlet : SampleServlets.servlets().entrySet()) {
      String name = servlet.getValue().getClass().getSimpleName();
      Wrapper wrapper = Tomcat.addServlet(context, name, servlet.getValue());
      wrapper.setAsyncSupported(true);
      context.addServletMappingDecoded(servlet.getKey(), name);
    }
    FilterDef filter = new FilterDef();
    filter.setFilterName("pass");
    filter.setFilter(SampleServlets.filter());
    filter.setAsyncSupported("true");
    context.addFilterDef(filter);
    FilterMap map = new FilterMap();
    map.setFilterName("pass");
    SampleServlets.filteredPatterns().forEach(map::addURLPatternDecoded);
    context.addFilterMap(map);

    tomcat.start();
    SampleServlets.ready(connector.getLocalPort());
    tomcat.getServer().await();
  }
}

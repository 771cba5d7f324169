package io.zeromon.apps.tomcat9;

import io.zeromon.apps.servlets.SampleServlets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** The sample servlets on embedded Tomcat 9, on 127.0.0.1 and a free port. */
public final class Tomcat9App {

  private Tomcat9App() {}

  public static void main(String[] args) throws Exception {
    Path base = Files.createTempDirectory("tomcat9");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
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

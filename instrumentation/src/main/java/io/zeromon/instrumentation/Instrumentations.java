package io.zeromon.instrumentation;

import io.zeromon.instrumentation.apachehttpclient.ApacheHttpClientModule;
import io.zeromon.instrumentation.executors.ExecutorsModule;
import io.zeromon.instrumentation.grpc.GrpcModule;
import io.zeromon.instrumentation.httpurlconnection.HttpUrlConnectionModule;
import io.zeromon.instrumentation.jdkhttpclient.JdkHttpClientModule;
import io.zeromon.instrumentation.jdkhttpserver.JdkHttpServerModule;
import io.zeromon.instrumentation.netty.NettyModule;
import io.zeromon.instrumentation.okhttp.OkHttpModule;
import io.zeromon.instrumentation.servlet.ServletModule;
import io.zeromon.instrumentation.springwebmvc.SpringWebMvcModule;
import io.zeromon.instrumentation.undertow.UndertowModule;
import java.util.Arrays;
import java.util.List;

/** Every instrumentation module the agent knows, listed here rather than discovered at start-up. */
public final class Instrumentations {

  private Instrumentations() {}

  public static List<InstrumentationModule> all() {
    return Arrays.asList(
        new JdkHttpServerModule(),
        new HttpUrlConnectionModule(),
        new JdkHttpClientModule(),
        new ServletModule(),
        new SpringWebMvcModule(),
        new NettyModule(),
        new UndertowModule(),
        new GrpcModule(),
        new ApacheHttpClientModule(),
        new OkHttpModule(),
        new ExecutorsModule());
  }
}

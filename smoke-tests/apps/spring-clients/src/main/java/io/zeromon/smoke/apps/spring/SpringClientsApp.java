package io.zeromon.smoke.apps.spring;

import io.zeromon.smoke.apps.clients.ClientApp;
import java.net.URI;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestTemplate;

/**
 * Spring's clients behind {@code /call}, each over another HTTP library: modes {@code
 * resttemplate-apache5}, {@code restclient-jdk} (java.net.http), {@code resttemplate-urlconnection}
 * and {@code restclient-apache5}.
 */
public final class SpringClientsApp {

  private SpringClientsApp() {}

  public static void main(String[] args) throws Exception {
    RestTemplate templateOverApache =
        new RestTemplate(new HttpComponentsClientHttpRequestFactory());
    RestTemplate templateOverUrlConnection = new RestTemplate(new SimpleClientHttpRequestFactory());
    RestClient clientOverJdk =
        RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();
    RestClient clientOverApache =
        RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory()).build();
    ClientApp.serve(
        (mode, url) -> {
          try {
            switch (mode) {
              case "resttemplate-apache5":
                return templateOverApache
                    .getForEntity(URI.create(url), String.class)
                    .getStatusCode()
                    .value();
              case "resttemplate-urlconnection":
                return templateOverUrlConnection
                    .getForEntity(URI.create(url), String.class)
                    .getStatusCode()
                    .value();
              case "restclient-jdk":
                return get(clientOverJdk, url);
              case "restclient-apache5":
                return get(clientOverApache, url);
              default:
                throw new IllegalArgumentException(mode);
            }
          } catch (RestClientResponseException e) {
            // 4xx/5xx come back as exceptions
            return e.getStatusCode().value();
          }
        });
  }

  private static int get(RestClient client, String url) {
    return client
        .get()
        .uri(URI.create(url))
        .retrieve()
        .toEntity(String.class)
        .getStatusCode()
        .value();
  }
}

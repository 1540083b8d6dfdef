package dev.pipelines.cdc.config.endpoint;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A server address the pipeline connects to: a host that passed {@link Endpoints}' host rule and
 * a TCP port. Only {@link Endpoints} makes them from user text; the constructor re-checks, so no
 * unchecked text can reach a connection through this type.
 *
 * @param host a DNS name (RFC 1123), an IPv4 address or an IPv6 address (without brackets)
 * @param port 1-65535
 */
public record HostPort(String host, int port) implements Serializable {
  private static final Pattern HOST = Pattern.compile(Endpoints.HOST);

  public HostPort {
    if (host == null || host.length() > Endpoints.MAX_HOST_LENGTH || !HOST.matcher(host).matches()) {
      throw new InvalidEndpointException("'" + host + "' is not a host name or IP address");
    }
    if (port < 1 || port > 65535) {
      throw new InvalidEndpointException(port + " is not a TCP port (1-65535)");
    }
  }

  /** {@code host:port}, with an IPv6 address in brackets as URLs write it. */
  public String authority() {
    return (isIpv6() ? "[" + host + "]" : host) + ":" + port;
  }

  /** The host as a URL writes it: an IPv6 address in brackets. */
  public String urlHost() {
    return isIpv6() ? "[" + host + "]" : host;
  }

  private boolean isIpv6() {
    return host.indexOf(':') >= 0;
  }

  @Override
  public String toString() {
    return authority();
  }
}

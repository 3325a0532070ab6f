package io.distest.maven.gateway;

import io.distest.maven.tx.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** {@code socket=host:port}: a running {@code distest-worker.jar serve}, reached over TCP. */
public final class SocketEndpoint implements RemoteGateway.Endpoint {
    private static final int CONNECT_MILLIS = 10_000;

    private final Transport.Socket address;
    private final String token;

    public SocketEndpoint(Transport.Socket address, String token) {
        this.address = address;
        this.token = token;
    }

    @Override
    public ServerClient.Connector start() {
        return () -> {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address.host(), address.port()), CONNECT_MILLIS);
            } catch (IOException e) {
                socket.close();
                throw new IOException("cannot reach the worker server at " + address + " within "
                        + CONNECT_MILLIS / 1000 + " s: " + e.getMessage()
                        + " (is `java -jar distest-worker.jar serve` running there?)", e);
            }
            return new Duplex(socket.getInputStream(), socket.getOutputStream(), socket);
        };
    }

    @Override
    public String serverToken() {
        return token;
    }

    @Override
    public String describe() {
        return address.toString();
    }

    @Override
    public void close() {}
}

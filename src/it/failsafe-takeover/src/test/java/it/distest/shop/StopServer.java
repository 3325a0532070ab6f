package it.distest.shop;

import java.nio.file.Path;

/** post-integration-test: tells the EchoServer to stop. */
public final class StopServer {
    public static void main(String[] args) throws Exception {
        System.out.println("StopServer: " + Client.ask(Path.of(args[0]), "stop"));
    }
}

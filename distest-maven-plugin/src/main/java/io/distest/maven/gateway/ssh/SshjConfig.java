package io.distest.maven.gateway.ssh;

import io.distest.protocol.Attach;
import io.distest.protocol.MessageCodec;
import io.distest.protocol.Protocol;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.SecurityUtils;

/**
 * The sshj configuration distest connects with, and its warm-up.
 *
 * <p>sshj's first configuration registers BouncyCastle as a JCE provider, whose constructor loads and registers
 * every algorithm it has: about 0.6 s of CPU on an idle machine, several seconds on a busy one, in front of every
 * build's first ssh connection. BouncyCastle stays (sshj reads ECDSA keys through it, and it brings the
 * chacha20-poly1305 cipher sshj prefers), but {@link #warmUp()} pays for it on a thread of its own as soon as a
 * build knows it will use ssh, while the build still plans its run (with the protocol codec's classes, which the
 * first message over the connection needs).
 */
public final class SshjConfig {
    private static final AtomicBoolean WARMING = new AtomicBoolean();

    private SshjConfig() {}

    /**
     * Registers BouncyCastle and loads sshj's configuration classes on a daemon thread, once per class loader; returns
     * at once. A connection made meanwhile waits for the registration (sshj synchronizes it) instead of doing it twice.
     */
    public static void warmUp() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                SecurityUtils.isBouncyCastleRegistered(); // registers it, under sshj's own lock
                create();
                MessageCodec codec = new MessageCodec(); // and the protocol's codec, for the first Attach
                codec.decode(codec.encode(new Attach(Protocol.VERSION, "warm-up", "warm-up", Attach.CONTROL)));
            } catch (IOException | RuntimeException | LinkageError e) {
                // the connection itself will meet it again and say what is wrong
            }
        }, "distest-ssh-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** A fresh configuration: sshj's defaults, distest's quiet logging, keep-alives. */
    static DefaultConfig create() {
        DefaultConfig config = new DefaultConfig();
        config.setLoggerFactory(QuietLogging.FACTORY);
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        return config;
    }
}

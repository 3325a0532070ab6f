package io.distest.maven.gateway.ssh;

import io.distest.protocol.Attach;
import io.distest.protocol.MessageCodec;
import io.distest.protocol.Protocol;
import io.distest.shared.Threads;
import io.distest.shared.TokenProof;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.LoggerFactory;
import net.schmizz.sshj.common.SecurityUtils;

/**
 * The sshj configuration distest connects with: the JDK's own crypto providers, strongest algorithms first.
 *
 * <p>Why not BouncyCastle's provider: sshj registers it when it is on the class path, and its constructor loads and
 * registers every algorithm it has, about 0.6 s of CPU on an idle machine and several seconds on a busy one, in
 * front of every build's first ssh connection. The JDK (17+) has what a current OpenSSH server needs: curve25519,
 * ECDH and DH key exchange, Ed25519, ECDSA and RSA-SHA2 keys, AES-GCM and AES-CTR; the one name sshj asks for that
 * the JDK lacks is given by {@link EcdsaKeyFactory}. (BouncyCastle's classes are still used directly where sshj
 * does, e.g. to read PEM keys.) Without the provider sshj no longer offers chacha20-poly1305, which it listed
 * first; its next ones would be {@code aes128-cbc} and {@code hmac-sha1}, so the authenticated (AEAD) ciphers and
 * the encrypt-then-MAC MACs are put first here. Nothing is removed from sshj's lists: a server that only speaks an
 * older algorithm still works as before.
 */
public final class SshjConfig {
    /** Ciphers in order of preference; the others follow in sshj's order. */
    private static final List<String> CIPHERS = List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
            "chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr");
    /** MACs in order of preference (an AEAD cipher needs none); the others follow in sshj's order. */
    private static final List<String> MACS = List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
            "hmac-sha2-256", "hmac-sha2-512");
    private static final AtomicBoolean WARMING = new AtomicBoolean();

    static {
        SecurityUtils.setRegisterBouncyCastle(false); // before anything of sshj asks SecurityUtils for a provider
        EcdsaKeyFactory.register();
    }

    private SshjConfig() {}

    /** Makes sure the set-up above is done; call before anything of sshj reads keys or known hosts. */
    static void useJdkProviders() {
        // the static initializer has done it
    }

    /**
     * Loads sshj's configuration and the protocol codec's classes on a daemon thread, once per class loader, while
     * the build still scans its tests; returns at once.
     */
    public static void warmUp() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Threads.start(() -> {
            try {
                create();
                MessageCodec codec = new MessageCodec(); // the first message over the connection needs it
                byte[] nonce = TokenProof.nonce();
                codec.decode(codec.encode(new Attach(Protocol.VERSION, TokenProof.ofClient("warm-up", nonce, nonce),
                        nonce, "warm-up", Attach.CONTROL)));
            } catch (IOException | RuntimeException | LinkageError e) {
                // the connection itself will meet it again and say what is wrong
            }
        }, "distest-ssh-warm-up");
    }

    /** A fresh configuration: JDK providers, preferred ciphers and MACs first, quiet logging, keep-alives. */
    static DefaultConfig create() {
        return create(LoggerFactory.DEFAULT);
    }

    /** As {@link #create()}, logging through {@code base}'s loggers with INFO, WARN and ERROR turned into DEBUG. */
    static DefaultConfig create(LoggerFactory base) {
        // sshj's constructor sets its logger and then logs at INFO each cipher the JDK lacks ("Cipher [twofish-cbc]
        // disabled"): sixteen lines in the build's console. So the quiet logger is in place from the constructor on
        // (javac stores the captured base before the super constructor runs).
        DefaultConfig config = new DefaultConfig() {
            @Override
            public void setLoggerFactory(LoggerFactory ignored) {
                super.setLoggerFactory(QuietLogging.wrapping(base));
            }
        };
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        config.setCipherFactories(preferring(config.getCipherFactories(), CIPHERS));
        config.setMACFactories(preferring(config.getMACFactories(), MACS));
        return config;
    }

    /** {@code factories} with the ones named in {@code preferred} first, in that order; the rest keep theirs. */
    static <T extends Factory.Named<?>> List<T> preferring(List<T> factories, List<String> preferred) {
        List<T> ordered = new ArrayList<>(factories);
        ordered.sort(Comparator.comparingInt(f -> {
            int rank = preferred.indexOf(f.getName());
            return rank < 0 ? preferred.size() : rank;
        })); // stable: the others keep their order
        return ordered;
    }

    static List<String> cipherNames(DefaultConfig config) {
        return config.getCipherFactories().stream().map(Factory.Named::getName).toList();
    }

    static List<String> macNames(DefaultConfig config) {
        return config.getMACFactories().stream().map(Factory.Named::getName).toList();
    }
}

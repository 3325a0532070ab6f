package io.distest.maven.gateway.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Security;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.LoggerFactory;
import net.schmizz.sshj.common.SecurityUtils;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.junit.jupiter.api.io.TempDir;

class SshjConfigTest {
    @TempDir
    Path temp;

    @Test
    void offersAuthenticatedCiphersAndEncryptThenMacFirst() {
        DefaultConfig config = SshjConfig.create();
        assertEquals(List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr",
                "aes256-ctr"), SshjConfig.cipherNames(config).subList(0, 5));
        assertEquals(List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256",
                "hmac-sha2-512"), SshjConfig.macNames(config).subList(0, 4));
    }

    @Test
    void logsTheCiphersTheJdkLacksAtDebugOnlyFromTheConstructorOn() {
        List<String> calls = new ArrayList<>();
        SshjConfig.create(recordingLoggers(calls));
        assertTrue(calls.stream().anyMatch(call -> call.startsWith("debug Cipher [{}] disabled")),
                "the cipher lines went through another logger: " + calls);
        assertEquals(List.of(), calls.stream().filter(call -> !call.startsWith("debug") && !call.startsWith("is")).toList());
    }

    /** A logger factory whose loggers record each call as "method firstArgument" and claim every level enabled. */
    private static LoggerFactory recordingLoggers(List<String> calls) {
        InvocationHandler handler = (proxy, method, args) -> {
            calls.add(method.getName() + (args == null || args.length == 0 ? "" : " " + args[0]));
            return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
        };
        Logger logger = (Logger) Proxy.newProxyInstance(SshjConfigTest.class.getClassLoader(),
                new Class<?>[] {Logger.class}, handler);
        return new LoggerFactory() {
            @Override
            public Logger getLogger(String name) {
                return logger;
            }

            @Override
            public Logger getLogger(Class<?> clazz) {
                return logger;
            }
        };
    }

    @Test
    void removesNothingSshjOffersWithTheJdkProviders() {
        SshjConfig.useJdkProviders();
        DefaultConfig plain = new DefaultConfig();
        DefaultConfig ours = SshjConfig.create();
        assertEquals(SshjConfig.cipherNames(plain).stream().sorted().toList(),
                SshjConfig.cipherNames(ours).stream().sorted().toList());
        assertEquals(SshjConfig.macNames(plain).stream().sorted().toList(),
                SshjConfig.macNames(ours).stream().sorted().toList());
    }

    @Test
    void leavesBouncyCastleUnregistered() {
        SshjConfig.create();
        assertFalse(SecurityUtils.isBouncyCastleRegistered(), "sshj registered BouncyCastle");
        assertNull(Security.getProvider("BC"), "BouncyCastle is a JCE provider");
    }

    @Test
    void readsEcdsaPublicKeysOfEveryCurveWithoutBouncyCastle() throws Exception {
        SshjConfig.useJdkProviders();
        for (int bits : List.of(256, 384, 521)) {
            Path key = temp.resolve("ecdsa" + bits);
            SshdServer.run("ssh-keygen", "-q", "-t", "ecdsa", "-b", String.valueOf(bits), "-N", "", "-f", key.toString());
            String[] pub = Files.readString(key.resolveSibling("ecdsa" + bits + ".pub")).trim().split("\\s+");
            PublicKey read = new Buffer.PlainBuffer(Base64.getDecoder().decode(pub[1])).readPublicKey();
            assertEquals(pub[0], KeyType.fromKey(read).toString());
        }
    }

    @Test
    void preferringPutsNamedFirstInGivenOrderAndKeepsTheRestInTheirs() {
        List<Factory.Named<Object>> factories = List.of(named("d"), named("b"), named("x"), named("a"), named("c"));
        List<String> names = SshjConfig.preferring(factories, List.of("a", "b", "absent"))
                .stream().map(Factory.Named::getName).toList();
        assertEquals(List.of("a", "b", "d", "x", "c"), names);
    }

    private static Factory.Named<Object> named(String name) {
        return new Factory.Named<>() {
            @Override
            public Object create() {
                return name;
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }
}

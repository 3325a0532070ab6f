package io.distest.maven.gateway.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.LoggerFactory;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Checks host keys against a {@code known_hosts} file with sshj's {@link OpenSSHKnownHosts} (which understands
 * {@code [host]:port} entries, hashed host names, wildcards and {@code @cert-authority}), and remembers what it
 * found, so that {@link SshSession} can turn sshj's terse "could not verify host key" into a message that says
 * what to do.
 *
 * <p>An unknown key is appended to the file when {@code acceptNew} is set (OpenSSH's
 * {@code StrictHostKeyChecking=accept-new}). A key that differs from a known one is never accepted. Stricter than
 * OpenSSH on one point: when the file knows the host only by a key of <em>another</em> type, the offered key is
 * refused as changed rather than accepted as new (a man in the middle may choose which key type to offer).
 */
final class KnownHostsVerifier extends OpenSSHKnownHosts {

    enum Verdict {
        /** verify was not called: the connection failed before the host key exchange */
        NOT_CHECKED,
        KNOWN,
        ACCEPTED_NEW,
        UNKNOWN,
        CHANGED,
        OTHER_TYPE_KNOWN
    }

    private static final Object APPEND_LOCK = new Object();

    private final Path file;
    private final boolean acceptNew;
    private volatile Verdict verdict = Verdict.NOT_CHECKED;
    private volatile PublicKey offered;
    private volatile String entryName;
    private volatile IOException writeFailure;

    KnownHostsVerifier(Path file, boolean acceptNew, LoggerFactory loggerFactory) throws IOException {
        super(file.toFile(), loggerFactory);
        this.file = file;
        this.acceptNew = acceptNew;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        offered = key;
        entryName = entryName(hostname, port);
        boolean ok = super.verify(hostname, port, key);
        if (ok && verdict == Verdict.NOT_CHECKED) {
            verdict = Verdict.KNOWN;
        }
        return ok;
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
        if (entries().stream().anyMatch(e -> appliesQuietly(e, hostname))) {
            verdict = Verdict.OTHER_TYPE_KNOWN;
            return false;
        }
        if (!acceptNew) {
            verdict = Verdict.UNKNOWN;
            return false;
        }
        try {
            HostEntry entry = new HostEntry(null, hostname, KeyType.fromKey(key), key);
            append(entry.getLine());
            entries().add(entry);
            verdict = Verdict.ACCEPTED_NEW;
            return true;
        } catch (IOException e) {
            writeFailure = e;
            verdict = Verdict.UNKNOWN;
            return false;
        }
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
        // no super call: it logs a bare warning; SshSession throws a complete message instead
        verdict = Verdict.CHANGED;
        return false;
    }

    private void append(String line) throws IOException {
        synchronized (APPEND_LOCK) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent);
            }
            // do not glue the new entry to a last line that lacks its newline
            String prefix = "";
            if (Files.exists(file) && Files.size(file) > 0) {
                byte[] all = Files.readAllBytes(file);
                if (all[all.length - 1] != '\n') {
                    prefix = "\n";
                }
            }
            Files.writeString(file, prefix + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
    }

    /** 1-based numbers of the lines of the file that name the host being verified (any key type). */
    List<Integer> linesForHost() {
        List<Integer> lines = new ArrayList<>();
        String name = entryName;
        if (name == null || !Files.isReadable(file)) {
            return lines;
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            EntryFactory factory = new EntryFactory();
            for (int i = 0; i < all.size(); i++) {
                try {
                    KnownHostEntry e = factory.parseEntry(all.get(i));
                    if (e != null && e.appliesTo(name)) {
                        lines.add(i + 1);
                    }
                } catch (IOException | RuntimeException bad) {
                    // a line sshj cannot read does not name the host as far as sshj is concerned
                }
            }
        } catch (IOException e) {
            // line numbers are a courtesy; the message is complete without them
        }
        return lines;
    }

    /** The key types the file holds for the host being verified, e.g. {@code [ssh-rsa]}. */
    List<String> knownTypesForHost() {
        List<String> types = new ArrayList<>();
        for (KnownHostEntry e : entries()) {
            if (appliesQuietly(e, entryName) && !types.contains(e.getType().toString())) {
                types.add(e.getType().toString());
            }
        }
        return types;
    }

    private static boolean appliesQuietly(KnownHostEntry e, String hostname) {
        try {
            return hostname != null && e.appliesTo(hostname);
        } catch (IOException ex) {
            return false;
        }
    }

    Verdict verdict() {
        return verdict;
    }

    PublicKey offered() {
        return offered;
    }

    /** How the file names the host: {@code host} for port 22, {@code [host]:port} otherwise (lower case). */
    String entryName() {
        return entryName;
    }

    IOException writeFailure() {
        return writeFailure;
    }

    Path file() {
        return file;
    }

    static String entryName(String hostname, int port) {
        String h = hostname.toLowerCase(Locale.ROOT);
        return port == 22 ? h : "[" + h + "]:" + port;
    }

    /** The fingerprint as {@code ssh-keygen -lf} prints it: {@code SHA256:} and unpadded base64 of the key blob. */
    static String sha256Fingerprint(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The key type as {@code ssh} names it in messages ({@code ED25519}, {@code ECDSA}, {@code RSA}). */
    static String typeLabel(PublicKey key) {
        String type = KeyType.fromKey(key).toString();
        if (type.contains("ed25519")) {
            return "ED25519";
        }
        if (type.startsWith("ecdsa")) {
            return "ECDSA";
        }
        if (type.contains("rsa")) {
            return "RSA";
        }
        if (type.contains("dss")) {
            return "DSA";
        }
        return type;
    }
}

package io.distest.maven.gateway.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Public-key authentication as distest does it: key files only, never a passphrase prompt, never ssh-agent; when
 * every key fails, the error says for each key why.
 */
final class SshAuthentication {
    private SshAuthentication() {}

    /** The config's {@code IdentityFile}s for the host, then the options' identities, each once, in that order. */
    static List<Path> identities(SshConfig.Resolved resolved, SshOptions options) {
        Set<Path> all = new LinkedHashSet<>();
        resolved.identityFiles().forEach(p -> all.add(p.toAbsolutePath().normalize()));
        options.identities().forEach(p -> all.add(p.toAbsolutePath().normalize()));
        return List.copyOf(all);
    }

    /**
     * Tries each identity in turn; absent, unreadable and passphrase-protected keys are skipped.
     *
     * @throws SshException naming each identity and why it was not used, and what the server accepts
     */
    static void authenticate(SSHClient client, String user, String host, int port, List<Path> identities)
            throws SshException {
        List<String> tried = new ArrayList<>();
        boolean disconnected = false;
        for (Path key : identities) {
            if (disconnected) {
                tried.add(key + ": not tried (the server closed the connection)");
                continue;
            }
            if (!Files.exists(key)) {
                tried.add(key + ": absent");
                continue;
            }
            AtomicBoolean askedForPassphrase = new AtomicBoolean();
            KeyProvider provider;
            try {
                provider = client.loadKeys(key.toString(), refusingPassphrases(askedForPassphrase));
                provider.getPrivate(); // decode now, to tell an encrypted key from a rejected one
                provider.getPublic();
            } catch (IOException | RuntimeException e) {
                tried.add(key + (askedForPassphrase.get()
                        ? ": encrypted, skipped (distest does not ask for passphrases and does not use ssh-agent)"
                        : ": unreadable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
                continue;
            }
            try {
                client.auth(user, new SignedPublickey(provider));
                return;
            } catch (UserAuthException e) {
                tried.add(key + ": rejected by the server");
            } catch (TransportException e) {
                tried.add(key + ": not accepted, the server closed the connection (" + e.getMessage() + ")");
                disconnected = true;
            }
        }
        String where = user + "@" + host + ":" + port;
        StringBuilder message = new StringBuilder("ssh authentication failed for ").append(where).append('.');
        var allowed = client.getUserAuth().getAllowedMethods();
        if (allowed != null && !allowed.isEmpty()) {
            message.append(" The server accepts: ").append(String.join(", ", allowed)).append('.');
        }
        if (tried.isEmpty()) {
            message.append("\nNo identity to try.");
        } else {
            message.append("\nIdentities tried, in order:");
            tried.forEach(t -> message.append("\n  ").append(t));
        }
        message.append("\nAdd a public key to ~/.ssh/authorized_keys of ").append(user).append(" on ").append(host)
                .append(", or name the private key with IdentityFile in the ssh config for that host.");
        throw new SshException(SshException.Reason.AUTHENTICATION_FAILED, message.toString());
    }

    /** A passphrase finder that never gives one; it notes that one was wanted, which marks the key as encrypted. */
    private static PasswordFinder refusingPassphrases(AtomicBoolean asked) {
        return new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                asked.set(true);
                throw new IllegalStateException("passphrase-protected key");
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
    }
}

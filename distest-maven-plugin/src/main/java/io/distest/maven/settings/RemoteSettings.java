package io.distest.maven.settings;

import io.distest.maven.gateway.ssh.SshOptions;

/**
 * Settings only remote gateways use.
 *
 * @param sync what travels and where it lands
 * @param serverToken the token of socket servers ({@code -Ddistest.token}, {@code $DISTEST_TOKEN}), or {@code null}
 * @param ssh how ssh gateways connect
 */
public record RemoteSettings(SyncSettings sync, String serverToken, SshOptions ssh) {
    @Override
    public String toString() { // never print the token
        return "RemoteSettings[sync=" + sync + ", ssh=" + ssh + "]";
    }
}

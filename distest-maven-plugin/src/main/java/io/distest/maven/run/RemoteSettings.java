package io.distest.maven.run;

/**
 * Settings only remote gateways use.
 *
 * @param sync what travels and where it lands
 * @param serverToken the token of socket servers ({@code -Ddistest.token}, {@code $DISTEST_TOKEN}), or {@code null}
 */
public record RemoteSettings(SyncSettings sync, String serverToken) {
    @Override
    public String toString() { // never print the token
        return "RemoteSettings[sync=" + sync + "]";
    }
}

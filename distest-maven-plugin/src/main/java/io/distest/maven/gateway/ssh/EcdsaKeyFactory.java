package io.distest.maven.gateway.ssh;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;

/**
 * The JDK's own EC key factory under the name {@code ECDSA}, the only name sshj asks for that the JDK lacks (it is
 * BouncyCastle's name for EC keys; the JDK says {@code EC}). With it, sshj reads ECDSA host and user keys without
 * BouncyCastle's provider. Public for the JCA, which instantiates it by name; not an API.
 */
public final class EcdsaKeyFactory extends KeyFactorySpi {
    /** The provider's name: it offers this one service and nothing else. */
    static final String PROVIDER = "distest-ecdsa-alias";

    private final KeyFactory ec;

    public EcdsaKeyFactory() throws NoSuchAlgorithmException {
        this.ec = KeyFactory.getInstance("EC");
    }

    /** Adds the provider to the JCA once (last: every other provider is asked first). */
    static synchronized void register() {
        if (Security.getProvider(PROVIDER) == null) {
            Security.addProvider(new AliasProvider());
        }
    }

    @Override
    protected PublicKey engineGeneratePublic(KeySpec keySpec) throws InvalidKeySpecException {
        return ec.generatePublic(keySpec);
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec keySpec) throws InvalidKeySpecException {
        return ec.generatePrivate(keySpec);
    }

    @Override
    protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> keySpec) throws InvalidKeySpecException {
        return ec.getKeySpec(key, keySpec);
    }

    @Override
    protected Key engineTranslateKey(Key key) throws InvalidKeyException {
        return ec.translateKey(key);
    }

    private static final class AliasProvider extends Provider {
        private static final long serialVersionUID = 1L;

        AliasProvider() {
            super(PROVIDER, "1", "KeyFactory ECDSA: the JDK's EC key factory under BouncyCastle's name, for sshj");
            putService(new Service(this, "KeyFactory", "ECDSA", EcdsaKeyFactory.class.getName(), null, null));
        }
    }
}

package io.distest.maven.tx;

/**
 * A malformed tx spec (or {@code distest.n} value). The message is meant for the user as is:
 * it quotes the spec, points at the bad part and shows the accepted syntax.
 */
public class TxSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public TxSpecException(String message) {
        super(message);
    }
}

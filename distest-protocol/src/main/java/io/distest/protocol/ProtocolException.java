package io.distest.protocol;

import java.io.IOException;

/** The peer broke the protocol: a bad frame, an unknown message, another version. The connection is unusable. */
public class ProtocolException extends IOException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}

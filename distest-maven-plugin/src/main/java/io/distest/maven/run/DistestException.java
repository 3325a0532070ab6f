package io.distest.maven.run;

/** The run could not be carried out (a worker that cannot start, bad settings); the message says what to do. */
public class DistestException extends Exception {
    public DistestException(String message) {
        super(message);
    }

    public DistestException(String message, Throwable cause) {
        super(message, cause);
    }
}

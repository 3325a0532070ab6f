package io.distest.maven.run.fake;

import io.distest.protocol.Hello;
import io.distest.protocol.Message;
import io.distest.protocol.MessageChannel;
import io.distest.protocol.Outcome;
import io.distest.protocol.Protocol;
import io.distest.protocol.Revoke;
import io.distest.protocol.Revoked;
import io.distest.protocol.RunUnit;
import io.distest.protocol.Shutdown;
import io.distest.protocol.TestFinished;
import io.distest.protocol.TestId;
import io.distest.protocol.TestStarted;
import io.distest.protocol.ThrowableInfo;
import io.distest.protocol.UnitFinished;
import io.distest.protocol.WorkerFacts;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A worker without a JVM: answers the real protocol messages over an in-memory channel, running units of a
 * {@link FakeSuite} in the order it got them, on its own thread.
 */
final class FakeWorker {
    static final WorkerFacts FACTS = new WorkerFacts("17.0.99", "Fake", "Linux", "amd64", "fakehost", 2, 4242);

    private final String workerId;
    private final MessageChannel channel;
    private final FakeSuite suite;
    private final FakeGateway.FakeHandle handle;
    private final BiConsumer<String, String> beforeTest;
    private final Deque<RunUnit> queued = new ArrayDeque<>();
    private boolean revokeSeen;
    private boolean stuck;

    /** @param beforeTest hears (worker id, test unique id) just before a test starts: tests move their clock there */
    FakeWorker(String workerId, MessageChannel channel, FakeSuite suite, FakeGateway.FakeHandle handle,
            BiConsumer<String, String> beforeTest) {
        this.workerId = workerId;
        this.channel = channel;
        this.suite = suite;
        this.handle = handle;
        this.beforeTest = beforeTest;
    }

    /** Says hello with {@code token} and answers until shut down or dead. */
    void serve(String token) {
        try {
            channel.send(new Hello(Protocol.VERSION, token, workerId, FACTS));
            while (true) {
                Message message = channel.receive();
                if (message instanceof Shutdown) {
                    handle.exit();
                    return;
                } else if (message instanceof RunUnit unit) {
                    queued.add(unit);
                } else if (message instanceof Revoke revoke) {
                    revokeSeen = true;
                    boolean waiting = queued.size() > 1 && queued.stream().skip(1).anyMatch(u -> u.unitId() == revoke.unitId());
                    queued.removeIf(u -> waiting && u.unitId() == revoke.unitId());
                    channel.send(new Revoked(revoke.unitId(), waiting));
                }
                while (!stuck && !queued.isEmpty() && (revokeSeen || !suite.holdsUntilRevoke(queued.peek().className()))) {
                    if (!run(queued.peek())) {
                        return;
                    }
                    queued.poll();
                }
            }
        } catch (IOException e) {
            handle.exit(); // the coordinator closed the channel
        }
    }

    /** Runs one unit; {@code false} when the worker died in it. */
    private boolean run(RunUnit unit) throws IOException {
        for (Map.Entry<String, FakeSuite.Act> test : suite.testsOf(unit.className()).entrySet()) {
            String uniqueId = FakeSuite.uniqueId(unit.className(), test.getKey());
            if ((!unit.onlyTests().isEmpty() && !unit.onlyTests().contains(uniqueId)) || unit.skipTests().contains(uniqueId)) {
                continue;
            }
            TestId id = new TestId(uniqueId, unit.className(), test.getKey(), test.getKey() + "()");
            beforeTest.accept(workerId, uniqueId);
            channel.send(new TestStarted(unit.unitId(), id));
            switch (test.getValue()) {
                case PASS -> channel.send(new TestFinished(unit.unitId(), id, Outcome.SUCCESSFUL, 3, null, null));
                case FAIL -> channel.send(failed(unit, id));
                case FLAKY -> channel.send(suite.failsNow(uniqueId) ? failed(unit, id)
                        : new TestFinished(unit.unitId(), id, Outcome.SUCCESSFUL, 3, null, null));
                case CRASH -> {
                    handle.die();
                    return false;
                }
                case HANG -> {
                    stuck = true;
                    return true;
                }
            }
        }
        channel.send(new UnitFinished(unit.unitId(), 10, null));
        return true;
    }

    private static TestFinished failed(RunUnit unit, TestId id) {
        return new TestFinished(unit.unitId(), id, Outcome.FAILED, 3, null, new ThrowableInfo(
                "org.opentest4j.AssertionFailedError", "boom", "org.opentest4j.AssertionFailedError: boom\n\tat "
                + unit.className() + "." + id.methodName() + "(Fake.java:1)\n"));
    }
}

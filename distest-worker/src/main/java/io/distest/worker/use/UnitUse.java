package io.distest.worker.use;

import io.distest.protocol.MessageChannel;
import io.distest.protocol.UnitUsed;
import io.distest.worker.boot.UseLog;
import java.io.IOException;
import java.util.List;

/** Where a unit's use record begins and ends; nothing happens unless the dependency agent is recording. */
public final class UnitUse {
    private UnitUse() {}

    /** The unit is about to run: what is used from now on is its. */
    public static void start() {
        if (UseLog.active()) {
            UseLog.startUnit();
        }
    }

    /** The unit ran: sends what it used, before its end is reported. */
    public static void send(MessageChannel channel, int unitId) throws IOException {
        if (UseLog.active()) {
            List<List<String>> used = UseLog.endUnit();
            channel.send(new UnitUsed(unitId, used.get(0), used.get(1), used.get(2)));
        }
    }
}

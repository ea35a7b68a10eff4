package io.boardcast.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, for the report: the suite shares two cores with whatever else runs. */
final class ProcessLoad {

    private ProcessLoad() {
    }

    static String average() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}

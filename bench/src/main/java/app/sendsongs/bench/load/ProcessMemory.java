package app.sendsongs.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process's resident memory from Linux's {@code /proc/<pid>/status}: {@code VmRSS} now and
 * {@code VmHWM}, the most it has held since it started; and its CPU time.
 */
public record ProcessMemory(long residentKib, long peakResidentKib) {

    public static ProcessMemory of(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            List<String> lines = Files.readAllLines(status);
            return new ProcessMemory(field(lines, "VmRSS:"), field(lines, "VmHWM:"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + status + " (resident memory is read on Linux only)", e);
        }
    }

    /**
     * CPU time the process has used so far, all threads, user and system, from
     * {@code /proc/<pid>/stat} (in clock ticks of 1/100 s, Linux's usual {@code CLK_TCK}).
     */
    public static double cpuSeconds(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String line = Files.readString(stat);
            // fields after the command name, which is in parentheses and may hold spaces
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat + " (CPU time is read on Linux only)", e);
        }
    }

    public double residentMib() {
        return residentKib / 1024.0;
    }

    public double peakResidentMib() {
        return peakResidentKib / 1024.0;
    }

    /** {@code "VmRSS:\t  123456 kB"} gives 123456. */
    static long field(List<String> lines, String name) {
        return lines.stream().filter(line -> line.startsWith(name)).findFirst()
                .map(line -> Long.parseLong(line.substring(name.length()).replace("kB", "").strip()))
                .orElseThrow(() -> new IllegalStateException("no " + name + " in the process status"));
    }
}

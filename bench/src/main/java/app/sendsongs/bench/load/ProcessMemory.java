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
            return ticks(Files.readString(stat)) / 100.0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat + " (CPU time is read on Linux only)", e);
        }
    }

    /**
     * CPU time the process's JIT compiler threads have used so far (HotSpot's {@code C1 CompilerThread}s and
     * {@code C2 CompilerThread}s, from {@code /proc/<pid>/task/<tid>/stat}): code still being compiled is a server
     * not yet warm. Threads that ended are not counted (HotSpot stops compiler threads it no longer needs).
     */
    public static double compilerCpuSeconds(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (var threads = Files.list(tasks)) {
            return threads.mapToLong(ProcessMemory::compilerTicks).sum() / 100.0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tasks + " (CPU time is read on Linux only)", e);
        }
    }

    private static long compilerTicks(Path task) {
        try {
            String line = Files.readString(task.resolve("stat"));
            String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
            return name.matches("C[12] CompilerThre.*") ? ticks(line) : 0;
        } catch (IOException threadEnded) {
            return 0;
        }
    }

    /** User and system time in a {@code stat} line, in clock ticks. */
    private static long ticks(String statLine) {
        // fields after the command name, which is in parentheses and may hold spaces
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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

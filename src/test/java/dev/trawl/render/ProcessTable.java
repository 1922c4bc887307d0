package dev.trawl.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The system's process table (/proc), for orphan checks: processes are found whatever their parent now is. */
final class ProcessTable {
    private ProcessTable() {}

    /** "pid command line" of every live process whose command line contains text. */
    static List<String> commandLinesContaining(String text) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (cmdline.contains(text)) found.add(proc.getFileName() + " " + cmdline);
                } catch (IOException e) {
                    // the process ended while the table was read
                }
            }
        }
        return found;
    }
}

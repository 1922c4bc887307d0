package dev.trawl.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** "512KB", "10MB", "1GB", "2048" (bytes). Units are binary: 1KB = 1024 bytes. */
final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})\\s*(b|kb|k|mb|m|gb|g)?");

    @Override
    public Long convert(String value) {
        Matcher m = FORMAT.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size (use e.g. 512KB, 10MB)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long bytes = switch (unit) {
            case "kb", "k" -> n << 10;
            case "mb", "m" -> n << 20;
            case "gb", "g" -> n << 30;
            default -> n;
        };
        if (bytes < 1) throw new TypeConversionException("'" + value + "' must be at least 1 byte");
        return bytes;
    }
}

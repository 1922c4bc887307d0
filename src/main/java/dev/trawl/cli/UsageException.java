package dev.trawl.cli;

/** A user error found after option parsing (e.g. a seed that is no URL): one line, exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}

package dev.trawl.serve;

/** A request the app will not answer: a bad parameter, an unknown page. The message is shown to the client. */
final class BadRequest extends RuntimeException {
    private final int status;

    BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** A 400 with this one-line message. */
    static BadRequest of(String message) {
        return new BadRequest(400, message);
    }

    static BadRequest notFound(String message) {
        return new BadRequest(404, message);
    }

    int status() {
        return status;
    }
}

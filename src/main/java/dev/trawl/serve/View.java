package dev.trawl.serve;

/** One page of the app, answering GET requests for its path. */
@FunctionalInterface
interface View {
    /**
     * @param rawQuery the request's query string, still percent-encoded, or null
     * @throws BadRequest for bad parameters or something that is not there
     */
    Response answer(String rawQuery);
}

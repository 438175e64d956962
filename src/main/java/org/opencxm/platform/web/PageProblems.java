package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Requests to pages that no browser of ours sends, answered with the error page rather than a
 * 500: an upload form posted without its file (not multipart at all, or cut off).
 */
@ControllerAdvice
class PageProblems {

    @ExceptionHandler
    void on(MultipartException e, HttpServletResponse response) throws IOException {
        response.sendError(
                e instanceof MaxUploadSizeExceededException
                        ? HttpStatus.CONTENT_TOO_LARGE.value()
                        : HttpStatus.BAD_REQUEST.value());
    }
}

package openrouter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"time"
)

// Multipart uploads (Files.Upload, STT.TranscribeFile) stream the caller's
// reader through an io.Pipe into the request body: the file is never held
// in memory whole, and for the same reason such a request is sent once and
// never retried (the transport retries only replayable bodies).

// uploadGrace is how long an upload cancelled by its context waits for a
// Read on the caller's reader to return before giving up on it.
const uploadGrace = 100 * time.Millisecond

// errUploadDone stops the writer of an upload whose request has ended.
var errUploadDone = errors.New("openrouter: upload ended")

// checkUpload validates the file arguments of an upload before anything
// is sent and returns the content type to use: contentType, or def when
// it is empty.
func checkUpload(op, filename, contentType, def string, r io.Reader) (string, error) {
	if err := nonEmpty(op, "filename", filename); err != nil {
		return "", err
	}
	if r == nil {
		return "", fmt.Errorf("openrouter: %s: nil reader", op)
	}
	if strings.ContainsAny(filename, "\r\n\x00") {
		return "", fmt.Errorf("openrouter: %s: filename %q has a line break or NUL", op, filename)
	}
	if contentType == "" {
		return def, nil
	}
	if _, _, err := mime.ParseMediaType(contentType); err != nil {
		return "", errorf(op, "content type %q: %w", contentType, err)
	}
	return contentType, nil
}

// createFilePart starts the multipart part "file" holding filename; the caller
// copies the file's bytes into it.
func createFilePart(mw *multipart.Writer, filename, contentType string) (io.Writer, error) {
	h := make(textproto.MIMEHeader)
	h.Set("Content-Disposition", multipart.FileContentDisposition("file", filename))
	h.Set("Content-Type", contentType)
	return mw.CreatePart(h)
}

// sendUpload sends a multipart/form-data body produced by write while the
// request is in flight. send gets the body's content type and the body.
//
// When the request ends, the writer is stopped and waited for, so that
// the caller's reader is no longer in use once sendUpload returns. The
// one exception is a Read on that reader still blocked 100ms after ctx
// ends: it cannot be interrupted, so sendUpload returns and the Read
// completes in the background, its data discarded. Cancelling ctx also
// fails the request even while the writer waits on such a Read.
//
// A failure to read the caller's file is reported as such, naming it.
func sendUpload[T any](ctx context.Context, c *caller, op, filename string, opts []Option,
	write func(mw *multipart.Writer) error,
	send func(server, contentType string, body io.Reader) (*http.Request, error),
) (*T, error) {
	if ctx == nil {
		return nil, fmt.Errorf("openrouter: %s: nil context", op)
	}
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	done := make(chan error, 1)
	go func() {
		err := write(mw)
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err) // nil: a clean end of the body
		done <- err
	}()
	stop := context.AfterFunc(ctx, func() { pr.CloseWithError(context.Cause(ctx)) })
	defer stop()

	out, err := doJSON[T](ctx, c, op, opts, func(server string) (*http.Request, error) {
		return send(server, mw.FormDataContentType(), pr)
	})
	pr.CloseWithError(errUploadDone)
	var werr error
	select {
	case werr = <-done:
	case <-ctx.Done():
		// The writer stops at its next write; give a Read in progress a
		// moment to return, but do not hang on one that blocks.
		grace := time.NewTimer(uploadGrace)
		select {
		case werr = <-done:
		case <-grace.C:
		}
		grace.Stop()
	}
	if err != nil && ctx.Err() != nil && !errors.Is(err, ctx.Err()) {
		// Closing the body on cancellation may surface as a pipe error.
		err = errorf(op, "%w", context.Cause(ctx))
	}
	if err != nil {
		var re *readError
		if errors.As(werr, &re) {
			return nil, errorf(op, "reading %s: %w", filename, re.err)
		}
		return nil, err
	}
	return out, nil
}

// readError marks a failure to read the caller's file in an upload.
type readError struct{ err error }

func (e *readError) Error() string { return e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

// fileReader marks the errors of the caller's reader as read errors. It
// hides r's WriterTo, through which io.Copy would bypass it.
type fileReader struct{ r io.Reader }

func (f fileReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err != nil && err != io.EOF {
		return n, &readError{err: err}
	}
	return n, err
}

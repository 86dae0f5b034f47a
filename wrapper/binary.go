package openrouter

import (
	"context"
	"io"
	"net/http"
)

// BinaryResponse is a response whose body is raw bytes, such as synthesized
// audio or a downloaded file. The caller must Close it; Body streams from
// the network and is not buffered, and a read that waits longer than the
// stream idle timeout ([WithStreamIdleTimeout]) for data fails.
type BinaryResponse struct {
	// Body is the response body.
	Body io.ReadCloser
	// ContentType is the body's media type, such as "audio/mpeg".
	ContentType string
	// ContentLength is the body's length, or -1 when unknown.
	ContentLength int64
	// Header holds all response headers.
	Header http.Header
}

// Read reads from the body.
func (b *BinaryResponse) Read(p []byte) (int, error) { return b.Body.Read(p) }

// Close closes the body.
func (b *BinaryResponse) Close() error { return b.Body.Close() }

// doBinary sends a request whose 2xx body is returned unread.
func doBinary(ctx context.Context, c *caller, op string, opts []Option, build buildFunc) (*BinaryResponse, error) {
	cl, err := c.newCall(op, true, opts)
	if err != nil {
		return nil, err
	}
	cl.kind = binaryCall
	resp, err := cl.send(ctx, build)
	if err != nil {
		return nil, err
	}
	// WithTimeout covered the wait for the headers; the idle timeout
	// guards each read of the body from here on.
	return &BinaryResponse{Body: newIdleBody(resp.Body, cl.cfg.streamIdleTimeout), ContentType: resp.Header.Get("Content-Type"), ContentLength: resp.ContentLength, Header: resp.Header}, nil
}

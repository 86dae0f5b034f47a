package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// Careful is the chat baseline with the care a tuned hand-written client
// takes on every call: request and response buffers come from a pool
// (with the request's JSON encoder), and the headers are built once, when
// the client is made, and shared by every request. It decodes with
// encoding/json into the caller's BaselineResponse, as Baseline does, and
// is safe for concurrent use.
type Careful struct {
	http   *http.Client
	url    string
	header http.Header
	bufs   sync.Pool // *carefulBuffers
}

type carefulBuffers struct {
	req, resp bytes.Buffer
	enc       *json.Encoder
}

// NewCareful returns a Careful client for the API at baseURL.
func NewCareful(hc *http.Client, baseURL, apiKey string) *Careful {
	c := &Careful{http: hc, url: baseURL + "/chat/completions", header: http.Header{
		"Authorization": {"Bearer " + apiKey},
		"Content-Type":  {"application/json"},
		"Accept":        {"application/json"},
	}}
	c.bufs.New = func() any {
		b := new(carefulBuffers)
		b.enc = json.NewEncoder(&b.req)
		return b
	}
	return c
}

// Send posts a chat request and decodes the response into out.
func (c *Careful) Send(ctx context.Context, req *BaselineRequest, out *BaselineResponse) error {
	b := c.bufs.Get().(*carefulBuffers)
	defer c.bufs.Put(b)
	b.req.Reset()
	req.Stream = false
	if err := b.enc.Encode(req); err != nil {
		return err
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(b.req.Bytes()))
	if err != nil {
		return err
	}
	hr.Header = c.header
	resp, err := c.http.Do(hr)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
		return fmt.Errorf("careful: %s: %s", resp.Status, msg)
	}
	b.resp.Reset()
	if _, err := b.resp.ReadFrom(resp.Body); err != nil {
		return err
	}
	*out = BaselineResponse{Choices: out.Choices[:0]}
	return json.Unmarshal(b.resp.Bytes(), out)
}

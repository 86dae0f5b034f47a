package openrouter

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"mime"
	"net/http"
)

// WithExtraBody sets top-level fields of the JSON request body that the
// SDK's types do not have yet, for a field the API has but the spec does
// not describe; the values are encoded with encoding/json. An extra
// field wins over a typed field of the same name: the value given here
// replaces what the request struct set. Passed twice, the fields merge,
// the later value of a name winning; a nil value sends JSON null. A call
// whose request has no JSON body (a file upload, a GET) fails with an
// error naming the option.
//
//	client.Chat.Send(ctx, req, openrouter.WithExtraBody(map[string]any{"new_knob": 3}))
func WithExtraBody(fields map[string]any) Option {
	return func(c *config) error {
		if len(fields) == 0 {
			return nil
		}
		for name := range fields {
			if name == "" {
				return errorf("WithExtraBody", "field name is empty")
			}
		}
		// Copy on write: the client's map is shared by every call.
		merged := make(map[string]any, len(c.extraBody)+len(fields))
		maps.Copy(merged, c.extraBody)
		maps.Copy(merged, fields)
		c.extraBody = merged
		return nil
	}
}

// WithRawResponse stores in *dst a copy of the JSON body of a successful
// call's response, fields the SDK's types do not know included, to read
// with encoding/json:
//
//	var raw []byte
//	resp, err := client.Chat.Send(ctx, req, openrouter.WithRawResponse(&raw))
//	var extra struct{ NewField string `json:"new_field"` }
//	err = json.Unmarshal(raw, &extra)
//
// It applies to calls that return a decoded JSON result; a binary
// download is not copied, and a stream's events are read raw with
// [Stream.CurrentJSON]. The body of a failed call is in [APIError.Body].
func WithRawResponse(dst *[]byte) Option {
	return func(c *config) error {
		if dst == nil {
			return errorf("WithRawResponse", "destination is nil")
		}
		c.rawResponseInto = dst
		return nil
	}
}

// addExtraBody merges the fields of WithExtraBody into the JSON object
// gen encoded as req's body.
func (cl *call) addExtraBody(req *http.Request) error {
	if ct, _, _ := mime.ParseMediaType(req.Header.Get("Content-Type")); req.Body == nil || req.Body == http.NoBody || ct != "application/json" {
		return errorf(cl.op, "WithExtraBody: the request has no JSON body")
	}
	data, err := io.ReadAll(req.Body)
	_ = req.Body.Close()
	if err != nil {
		return errorf(cl.op, "WithExtraBody: read request body: %w", err)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil || obj == nil {
		return errorf(cl.op, "WithExtraBody: the request body is not a JSON object")
	}
	for name, v := range cl.cfg.extraBody {
		b, err := json.Marshal(v)
		if err != nil {
			return errorf(cl.op, "WithExtraBody: field %q: %w", name, err)
		}
		obj[name] = b
	}
	if data, err = json.Marshal(obj); err != nil {
		return errorf(cl.op, "WithExtraBody: %w", err)
	}
	req.Body = io.NopCloser(bytes.NewReader(data))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	req.ContentLength = int64(len(data))
	return nil
}

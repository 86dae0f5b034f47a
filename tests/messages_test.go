package tests

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gopenrouter/openrouter/gen"
	openrouter "github.com/gopenrouter/openrouter/wrapper"
	"github.com/gopenrouter/openrouter/wrapper/openroutertest"
)

// Contract tests of the Anthropic Messages, Presets and Rerank operations.
func init() {
	register(map[string]contract{
		"createMessages": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			req := messagesRequest("hello claude")
			var system gen.MessagesRequestSystem
			if err := system.FromMessagesRequestSystemString("Be brief."); err != nil {
				t.Fatal(err)
			}
			req.System = &system
			resp := must[*openrouter.MessagesResult](t)(c.Messages.Send(ctx, req))
			r := only(t, srv, "createMessages")
			expectRequest(t, r, "POST", "/messages", map[string]any{"model": "anthropic/claude-sonnet-4", "max_tokens": 256, "system": "Be brief."})
			if strings.Contains(string(r.Body), `"stream"`) {
				t.Errorf("Send sent a stream flag: %s", r.Body)
			}
			check(t, "text", resp.Text(), "You said: hello claude")
			check(t, "model", resp.Model, "anthropic/claude-sonnet-4")
			check(t, "role", resp.Role, "assistant")
			if resp.StopReason == nil || *resp.StopReason != gen.ORAnthropicStopReasonEndTurn {
				t.Errorf("stop reason %v", resp.StopReason)
			}
			if resp.Usage.InputTokens <= 0 || resp.Usage.OutputTokens <= 0 || resp.Usage.Cost == nil {
				t.Errorf("usage %+v", resp.Usage)
			}
		},
		"listPresets": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.PresetsListResponse](t)(c.Presets.List(ctx, &openrouter.ListPresetsParams{Limit: ptr(2)}))
			r := only(t, srv, "listPresets")
			expectRequest(t, r, "GET", "/presets", nil)
			check(t, "limit query", r.Query.Get("limit"), "2")
			check(t, "presets", len(resp.Data), 2)
			check(t, "total", resp.TotalCount, 3)
			if resp.Data[0].Slug == "" || resp.Data[0].ID == "" {
				t.Errorf("preset %+v", resp.Data[0])
			}
		},
		"getPreset": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.PresetResponse](t)(c.Presets.Get(ctx, "my-preset"))
			expectRequest(t, only(t, srv, "getPreset"), "GET", "/presets/my-preset", nil)
			check(t, "slug", resp.Data.Slug, "my-preset")
			if v := resp.Data.DesignatedVersion; v == nil || resp.Data.DesignatedVersionID == nil || v.ID != *resp.Data.DesignatedVersionID {
				t.Errorf("designated version %+v", v)
			}
		},
		"listPresetVersions": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.PresetVersionsListResponse](t)(c.Presets.ListVersions(ctx, "my-preset", &openrouter.ListPresetVersionsParams{Offset: ptr(1)}))
			r := only(t, srv, "listPresetVersions")
			expectRequest(t, r, "GET", "/presets/my-preset/versions", nil)
			check(t, "offset query", r.Query.Get("offset"), "1")
			check(t, "versions", len(resp.Data), 2)
			if len(resp.Data) > 0 && (resp.Data[0] == nil || resp.Data[0].Version != 2) {
				t.Errorf("first version %+v", resp.Data[0])
			}
		},
		"getPresetVersion": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			resp := must[*openrouter.PresetVersionResponse](t)(c.Presets.GetVersion(ctx, "my-preset", "2"))
			expectRequest(t, only(t, srv, "getPresetVersion"), "GET", "/presets/my-preset/versions/2", nil)
			if resp.Data == nil || resp.Data.Version != 2 || resp.Data.PresetID != "preset-fake-my-preset" {
				t.Errorf("version %+v", resp.Data)
			}
		},
		"createPresetsChatCompletions": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			req := chatRequest(t, "not saved")
			req.Temperature = ptr(0.3)
			resp := must[*openrouter.CreatePresetResponse](t)(c.Presets.CreateFromChat(ctx, "brief", req))
			expectRequest(t, only(t, srv, "createPresetsChatCompletions"), "POST", "/presets/brief/chat/completions", map[string]any{"model": "openai/gpt-4o-mini", "temperature": 0.3})
			checkSavedPreset(t, resp, "brief", "temperature", 0.3)
		},
		"createPresetsMessages": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			req := messagesRequest("not saved")
			req.TopK = ptr(5)
			resp := must[*openrouter.CreatePresetResponse](t)(c.Presets.CreateFromMessages(ctx, "claude-brief", req))
			expectRequest(t, only(t, srv, "createPresetsMessages"), "POST", "/presets/claude-brief/messages", map[string]any{"model": "anthropic/claude-sonnet-4", "top_k": 5})
			checkSavedPreset(t, resp, "claude-brief", "top_k", 5)
		},
		"createPresetsResponses": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			var in gen.Inputs
			if err := in.FromInputsString("not saved"); err != nil {
				t.Fatal(err)
			}
			req := openrouter.ResponsesRequest{Model: "openai/gpt-4o", Input: &in, Instructions: "Answer in French."}
			resp := must[*openrouter.CreatePresetResponse](t)(c.Presets.CreateFromResponses(ctx, "french", req))
			expectRequest(t, only(t, srv, "createPresetsResponses"), "POST", "/presets/french/responses", map[string]any{"instructions": "Answer in French."})
			checkSavedPreset(t, resp, "french", "model", "openai/gpt-4o")
			if v := resp.Data.DesignatedVersion; v == nil || v.SystemPrompt == nil || *v.SystemPrompt != "Answer in French." {
				t.Errorf("system prompt not saved: %+v", v)
			}
		},
		"createRerank": func(t *testing.T, srv *openroutertest.Server, c *openrouter.Client) {
			req := openrouter.RerankRequest{
				Model:     "cohere/rerank-v3.5",
				Query:     "green tea",
				Documents: openrouter.RerankTexts("black coffee", "green tea leaves", "iced tea"),
				TopN:      ptr(2),
			}
			resp := must[*openrouter.RerankResponse](t)(c.Rerank.Send(ctx, req))
			expectRequest(t, only(t, srv, "createRerank"), "POST", "/rerank", map[string]any{
				"query": "green tea", "top_n": 2, "documents": []any{"black coffee", "green tea leaves", "iced tea"},
			})
			check(t, "model", resp.Model, "cohere/rerank-v3.5")
			var order []int
			for _, r := range resp.Results {
				order = append(order, r.Index)
			}
			check(t, "order", order, []int{1, 2})
			if len(resp.Results) == 2 {
				check(t, "top document", resp.Results[0].Document.Text, "green tea leaves")
				if resp.Results[0].RelevanceScore <= resp.Results[1].RelevanceScore {
					t.Errorf("scores not decreasing: %+v", resp.Results)
				}
			}
		},
	})
}

func messagesRequest(text string) openrouter.MessagesRequest {
	return openrouter.MessagesRequest{
		Model:     "anthropic/claude-sonnet-4",
		MaxTokens: ptr(256),
		Messages:  []openrouter.MessagesMessage{openrouter.MessagesUserText(text)},
	}
}

// checkSavedPreset checks the answer of a Presets.CreateFrom* call: the
// preset's slug and one setting of the saved version's config.
func checkSavedPreset(t *testing.T, resp *openrouter.CreatePresetResponse, slug, key string, want any) {
	t.Helper()
	check(t, "slug", resp.Data.Slug, slug)
	v := resp.Data.DesignatedVersion
	if v == nil {
		t.Fatal("no designated version")
	}
	check(t, "config "+key, v.Config[key], want)
	for _, k := range []string{"messages", "input", "stream"} {
		if _, ok := v.Config[k]; ok {
			t.Errorf("config kept %q: %v", k, v.Config)
		}
	}
}

// streamMessages runs Messages.Stream to its end and returns the event
// types, the text of the text deltas and the error that ended it.
func streamMessages(t *testing.T, c *openrouter.Client, req openrouter.MessagesRequest) (kinds []openrouter.MessagesEventType, text string, err error) {
	t.Helper()
	stream, err := c.Messages.Stream(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	var b strings.Builder
	for stream.Next() {
		ev := stream.Current()
		kinds = append(kinds, ev.Type)
		if d, ok := ev.TextDelta(); ok {
			b.WriteString(d)
		}
	}
	return kinds, b.String(), stream.Err()
}

func TestMessagesStreamContract(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	stream, err := c.Messages.Stream(ctx, messagesRequest("stream this please"))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	var text strings.Builder
	var stop gen.ORAnthropicStopReason
	var id string
	for ev, err := range stream.All() {
		if err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, string(ev.Type))
		switch ev.Type {
		case openrouter.MessagesEventMessageStart:
			start, err := ev.AsMessagesStartEvent()
			if err != nil {
				t.Fatal(err)
			}
			id = start.Message.ID
		case openrouter.MessagesEventContentBlockDelta:
			d, ok := ev.TextDelta()
			if !ok {
				t.Errorf("delta without text: %v", ev)
			}
			text.WriteString(d)
		case openrouter.MessagesEventMessageDelta:
			v, err := ev.ValueByDiscriminator()
			if err != nil {
				t.Fatal(err)
			}
			if d, ok := v.(openrouter.MessagesDeltaEvent); ok && d.Delta.StopReason != nil {
				stop = *d.Delta.StopReason
			}
		}
	}
	check(t, "text", text.String(), "You said: stream this please")
	check(t, "stop reason", stop, "end_turn")
	if !strings.HasPrefix(id, "gen-") {
		t.Errorf("message id %q", id)
	}
	got := strings.Join(kinds, " ")
	if !strings.HasPrefix(got, "message_start content_block_start ping content_block_delta") || !strings.HasSuffix(got, "content_block_delta content_block_stop message_delta message_stop") {
		t.Errorf("event types %s", got)
	}
	expectRequest(t, only(t, srv, "createMessages"), "POST", "/messages", map[string]any{"stream": true})
}

func TestMessagesStreamEndContracts(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		stream  func(openroutertest.Response) openroutertest.Response
		wantErr func(t *testing.T, err error)
		last    openrouter.MessagesEventType
	}{
		"ends after message_stop": {
			stream:  func(r openroutertest.Response) openroutertest.Response { return r },
			wantErr: func(t *testing.T, err error) { noErr(t, err) },
			last:    openrouter.MessagesEventMessageStop,
		},
		"[DONE] after message_stop": {
			stream: func(r openroutertest.Response) openroutertest.Response {
				r.Stream.OmitDone = false
				return r
			},
			wantErr: func(t *testing.T, err error) { noErr(t, err) },
			last:    openrouter.MessagesEventMessageStop,
		},
		"reset after message_stop": {
			stream: func(r openroutertest.Response) openroutertest.Response {
				r.Stream.ResetAfter = len(r.Stream.Events)
				return r
			},
			wantErr: func(t *testing.T, err error) { noErr(t, err) },
			last:    openrouter.MessagesEventMessageStop,
		},
		"error event": {
			stream: func(r openroutertest.Response) openroutertest.Response {
				r.Stream.Events = r.Stream.Events[:4]
				r.Stream.Error = openroutertest.MessagesStreamError("overloaded_error", "Overloaded")
				return r
			},
			wantErr: func(t *testing.T, err error) {
				e := wantAPIError(t, err, 529)
				check(t, "message", e.Message, "Overloaded")
				check(t, "type", e.Metadata["type"], "overloaded_error")
				check(t, "operation", e.Operation, "Messages.Stream")
				if !errors.Is(err, openrouter.ErrProviderUnavailable) {
					t.Errorf("%v does not match ErrProviderUnavailable", err)
				}
			},
			last: openrouter.MessagesEventContentBlockDelta,
		},
		"body ends before message_stop": {
			stream: func(r openroutertest.Response) openroutertest.Response {
				r.Stream.Events = r.Stream.Events[:len(r.Stream.Events)-1]
				return r
			},
			wantErr: func(t *testing.T, err error) {
				if !errors.Is(err, openrouter.ErrStreamTruncated) {
					t.Errorf("error %v, want ErrStreamTruncated", err)
				}
			},
			last: openrouter.MessagesEventMessageDelta,
		},
		"reset before message_stop": {
			stream: func(r openroutertest.Response) openroutertest.Response {
				r.Stream.ResetAfter = 4
				return r
			},
			wantErr: func(t *testing.T, err error) {
				if !errors.Is(err, openrouter.ErrStreamTruncated) {
					t.Errorf("error %v, want ErrStreamTruncated", err)
				}
			},
			last: openrouter.MessagesEventContentBlockDelta,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := openroutertest.NewServer(t)
			c, _ := srv.Client()
			srv.Enqueue("createMessages", tc.stream(openroutertest.MessagesStream("first ", "second")))
			kinds, text, err := streamMessages(t, c, messagesRequest("x"))
			if !strings.HasPrefix(text, "first") {
				t.Errorf("events before the end were lost: %q", text)
			}
			if len(kinds) == 0 || kinds[len(kinds)-1] != tc.last {
				t.Errorf("event types %v, want the last to be %s", kinds, tc.last)
			}
			tc.wantErr(t, err)
			if n := len(srv.RequestsFor("createMessages")); n != 1 {
				t.Errorf("%d requests: a started stream must not be retried", n)
			}
		})
	}
}

func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Errorf("stream error %v, want a clean end", err)
	}
}

func TestMessagesStreamHTTPError(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	srv.Enqueue("createMessages", openroutertest.ErrorResponse(http.StatusBadRequest, "max_tokens is too large"))
	_, err := c.Messages.Stream(ctx, messagesRequest("x"))
	e := wantAPIError(t, err, 400)
	check(t, "message", e.Message, "max_tokens is too large")
}

func TestPresetsIteratorsContract(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	var slugs []string
	for p, err := range c.Presets.ListAll(ctx, &openrouter.ListPresetsParams{Limit: ptr(2)}) {
		if err != nil {
			t.Fatal(err)
		}
		slugs = append(slugs, p.Slug)
	}
	check(t, "slugs", slugs, []string{"code-review", "support-bot", "translator"})
	reqs := srv.RequestsFor("listPresets")
	if len(reqs) != 2 {
		t.Fatalf("%d listPresets requests, want 2", len(reqs))
	}
	check(t, "second offset", reqs[1].Query.Get("offset"), "2")

	var versions []int
	for v, err := range c.Presets.ListVersionsAll(ctx, "my-preset", &openrouter.ListPresetVersionsParams{Limit: ptr(1)}) {
		if err != nil {
			t.Fatal(err)
		}
		versions = append(versions, v.Version)
	}
	check(t, "versions", versions, []int{1, 2, 3})
	if n := len(srv.RequestsFor("listPresetVersions")); n != 3 {
		t.Errorf("%d listPresetVersions requests, want 3", n)
	}

	// An error on the second page ends the iteration with it.
	srv.Enqueue("listPresets", openroutertest.Response{})
	srv.Enqueue("listPresets", openroutertest.ErrorResponse(http.StatusUnauthorized, "key revoked"))
	var n int
	var iterErr error
	for _, err := range c.Presets.ListAll(ctx, &openrouter.ListPresetsParams{Limit: ptr(1)}) {
		if err != nil {
			iterErr = err
			break
		}
		n++
	}
	check(t, "presets before the error", n, 1)
	wantAPIError(t, iterErr, 401)
}

func TestPresetsErrorContracts(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	for name, err := range map[string]error{
		"Get":                 second(c.Presets.Get(ctx, "")),
		"ListVersions":        second(c.Presets.ListVersions(ctx, " ", nil)),
		"GetVersion":          second(c.Presets.GetVersion(ctx, "my-preset", "")),
		"CreateFromChat":      second(c.Presets.CreateFromChat(ctx, "", chatRequest(t, "x"))),
		"CreateFromMessages":  second(c.Presets.CreateFromMessages(ctx, "", messagesRequest("x"))),
		"CreateFromResponses": second(c.Presets.CreateFromResponses(ctx, "", openrouter.ResponsesRequest{})),
	} {
		if err == nil || !strings.Contains(err.Error(), "is empty") || !strings.Contains(err.Error(), "Presets."+name) {
			t.Errorf("%s with an empty argument: error %v", name, err)
		}
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent for empty arguments", n)
	}

	_, err := c.Presets.GetVersion(ctx, "my-preset", "42")
	e := wantAPIError(t, err, 404)
	if !errors.Is(err, openrouter.ErrNotFound) || e.Operation != "Presets.GetVersion" {
		t.Errorf("error %v", err)
	}
	srv.Enqueue("createPresetsChatCompletions", openroutertest.ErrorResponse(http.StatusConflict, "preset is being edited"))
	_, err = c.Presets.CreateFromChat(ctx, "busy", chatRequest(t, "x"))
	wantAPIError(t, err, 409)
}

func second[T any](_ T, err error) error { return err }

func TestRerankContract(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	var obj openrouter.RerankDocument
	if err := obj.FromCreateRerankRequestDocumentObject(gen.CreateRerankRequestDocumentObject{Text: "Paris is the capital of France"}); err != nil {
		t.Fatal(err)
	}
	docs := append(openrouter.RerankTexts("Berlin is in Germany", "nothing relevant"), obj)
	resp, err := c.Rerank.Send(ctx, openrouter.RerankRequest{Model: "cohere/rerank-v3.5", Query: "capital of France?", Documents: docs})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Results) != 3 {
		t.Fatalf("%d results without top_n, want all 3", len(resp.Results))
	}
	check(t, "best", resp.Results[0].Index, 2)
	check(t, "best text", resp.Results[0].Document.Text, "Paris is the capital of France")
	check(t, "best score", resp.Results[0].RelevanceScore, 1)
	if resp.Usage == nil || resp.Usage.SearchUnits == nil {
		t.Errorf("usage %+v", resp.Usage)
	}

	srv.Enqueue("createRerank", openroutertest.ErrorResponse(http.StatusPaymentRequired, "add credits"))
	_, err = c.Rerank.Send(ctx, openrouter.RerankRequest{Model: "m", Query: "q", Documents: openrouter.RerankTexts("d")})
	wantAPIError(t, err, 402)
	if !errors.Is(err, openrouter.ErrInsufficientCredits) {
		t.Errorf("%v does not match ErrInsufficientCredits", err)
	}
}

// TestMessagesStreamAnthropicWire feeds Messages.Stream the bytes of an
// Anthropic stream (event lines, no [DONE]) from a server that keeps the
// connection open after message_stop: the stream must end at once, cleanly.
func TestMessagesStreamAnthropicWire(t *testing.T) {
	t.Parallel()
	const wire = ": OPENROUTER PROCESSING\n\n" +
		"event: message_start\r\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"container\":null,\"content\":[],\"model\":\"anthropic/claude-sonnet-4\",\"stop_reason\":null,\"stop_details\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}\r\n\r\n" +
		"event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n" +
		"event: ping\ndata: {\"type\": \"ping\"}\n\n" +
		"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi \"}}\n\n" +
		"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"there\"}}\n\n" +
		"event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n" +
		"event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}\n\n" +
		"event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, wire)
		w.(http.Flusher).Flush()
		select { // hold the connection open
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	c, err := openrouter.NewClient(openrouter.WithAPIKey("sk-or-v1-test"), openrouter.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	kinds, text, err := streamMessages(t, c, messagesRequest("x"))
	noErr(t, err)
	check(t, "text", text, "Hi there")
	check(t, "events", len(kinds), 8)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the stream took %v to end after message_stop", d)
	}
}

// TestPresetsIteratorsCapThePageSize: the iterators never ask for more
// than the 100 presets or versions a page can hold.
func TestPresetsIteratorsCapThePageSize(t *testing.T) {
	t.Parallel()
	srv := openroutertest.NewServer(t)
	c, _ := srv.Client()
	for _, err := range c.Presets.ListAll(ctx, &openrouter.ListPresetsParams{Limit: ptr(500)}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, err := range c.Presets.ListVersionsAll(ctx, "my-preset", &openrouter.ListPresetVersionsParams{Limit: ptr(500)}) {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, op := range []openroutertest.OperationID{"listPresets", "listPresetVersions"} {
		for _, r := range srv.RequestsFor(op) {
			check(t, string(op)+" limit", r.Query.Get("limit"), "100")
		}
	}
}

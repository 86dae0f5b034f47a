package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// The baseline is what a careful engineer writes by hand with net/http,
// encoding/json and bufio: plain structs holding the same fields the SDK
// decodes, a reused line reader, a reused event buffer and a reused chunk.

// BaselineMessage is one message of a BaselineRequest.
type BaselineMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// BaselineRequest is the body of a chat request.
type BaselineRequest struct {
	Model    string            `json:"model"`
	Messages []BaselineMessage `json:"messages"`
	Stream   bool              `json:"stream,omitempty"`
}

// BaselineReasoningDetail is one element of reasoning_details.
type BaselineReasoningDetail struct {
	Type      string `json:"type"`
	Text      string `json:"text"`
	Signature string `json:"signature"`
	Format    string `json:"format"`
	Index     int    `json:"index"`
}

// BaselineUsage is usage with cost and token details.
type BaselineUsage struct {
	PromptTokens        int     `json:"prompt_tokens"`
	CompletionTokens    int     `json:"completion_tokens"`
	TotalTokens         int     `json:"total_tokens"`
	Cost                float64 `json:"cost"`
	IsByok              bool    `json:"is_byok"`
	PromptTokensDetails struct {
		CachedTokens     int `json:"cached_tokens"`
		CacheWriteTokens int `json:"cache_write_tokens"`
		AudioTokens      int `json:"audio_tokens"`
	} `json:"prompt_tokens_details"`
	CostDetails struct {
		UpstreamInferenceCost            *float64 `json:"upstream_inference_cost"`
		UpstreamInferencePromptCost      float64  `json:"upstream_inference_prompt_cost"`
		UpstreamInferenceCompletionsCost float64  `json:"upstream_inference_completions_cost"`
	} `json:"cost_details"`
	CompletionTokensDetails struct {
		ReasoningTokens int `json:"reasoning_tokens"`
		AudioTokens     int `json:"audio_tokens"`
	} `json:"completion_tokens_details"`
}

// BaselineMessageOut is the assistant message of a response.
type BaselineMessageOut struct {
	Role             string                    `json:"role"`
	Content          string                    `json:"content"`
	Refusal          string                    `json:"refusal"`
	Reasoning        string                    `json:"reasoning"`
	ReasoningDetails []BaselineReasoningDetail `json:"reasoning_details"`
}

// BaselineResponse is a chat completion.
type BaselineResponse struct {
	ID                string `json:"id"`
	Provider          string `json:"provider"`
	Model             string `json:"model"`
	Object            string `json:"object"`
	Created           int64  `json:"created"`
	SystemFingerprint string `json:"system_fingerprint"`
	Choices           []struct {
		Index              int                `json:"index"`
		FinishReason       string             `json:"finish_reason"`
		NativeFinishReason string             `json:"native_finish_reason"`
		Message            BaselineMessageOut `json:"message"`
	} `json:"choices"`
	Usage *BaselineUsage `json:"usage"`
}

// BaselineDelta is the delta of a stream choice.
type BaselineDelta struct {
	Role             string                    `json:"role"`
	Content          string                    `json:"content"`
	Reasoning        string                    `json:"reasoning"`
	ReasoningDetails []BaselineReasoningDetail `json:"reasoning_details"`
}

// BaselineStreamChoice is one choice of a chunk.
type BaselineStreamChoice struct {
	Index              int           `json:"index"`
	Delta              BaselineDelta `json:"delta"`
	FinishReason       string        `json:"finish_reason"`
	NativeFinishReason string        `json:"native_finish_reason"`
}

// BaselineChunk is one stream event.
type BaselineChunk struct {
	ID       string                 `json:"id"`
	Provider string                 `json:"provider"`
	Model    string                 `json:"model"`
	Object   string                 `json:"object"`
	Created  int64                  `json:"created"`
	Choices  []BaselineStreamChoice `json:"choices"`
	Usage    *BaselineUsage         `json:"usage"`
	Error    *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// Baseline is the hand-written client. It is not safe for concurrent use:
// it reuses its buffers from call to call.
type Baseline struct {
	HTTP    *http.Client
	BaseURL string
	APIKey  string

	body bytes.Buffer
	resp bytes.Buffer
	br   *bufio.Reader
}

func (c *Baseline) post(ctx context.Context, path string, req *BaselineRequest, accept string) (*http.Response, error) {
	c.body.Reset()
	if err := json.NewEncoder(&c.body).Encode(req); err != nil {
		return nil, err
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+path, bytes.NewReader(c.body.Bytes()))
	if err != nil {
		return nil, err
	}
	hr.Header.Set("Authorization", "Bearer "+c.APIKey)
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Accept", accept)
	resp, err := c.HTTP.Do(hr)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
		resp.Body.Close()
		return nil, fmt.Errorf("baseline: %s: %s", resp.Status, b)
	}
	return resp, nil
}

// Send posts a chat request and decodes the response into out.
func (c *Baseline) Send(ctx context.Context, req *BaselineRequest, out *BaselineResponse) error {
	req.Stream = false
	resp, err := c.post(ctx, "/chat/completions", req, "application/json")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	c.resp.Reset()
	if _, err := c.resp.ReadFrom(resp.Body); err != nil {
		return err
	}
	*out = BaselineResponse{Choices: out.Choices[:0]}
	return json.Unmarshal(c.resp.Bytes(), out)
}

// BaselineStream reads the events of one streamed response.
type BaselineStream struct {
	c     *Baseline
	body  io.ReadCloser
	data  []byte
	chunk BaselineChunk
	err   error
	done  bool
}

// Stream posts a streaming chat request.
func (c *Baseline) Stream(ctx context.Context, req *BaselineRequest) (*BaselineStream, error) {
	req.Stream = true
	resp, err := c.post(ctx, "/chat/completions", req, "text/event-stream")
	if err != nil {
		return nil, err
	}
	if c.br == nil {
		c.br = bufio.NewReaderSize(resp.Body, 64<<10)
	} else {
		c.br.Reset(resp.Body)
	}
	return &BaselineStream{c: c, body: resp.Body}, nil
}

var errBaselineTruncated = errors.New("baseline: stream ended before [DONE]")

// Next decodes the next chunk; it returns nil at [DONE] or on an error.
func (s *BaselineStream) Next() *BaselineChunk {
	if s.done {
		return nil
	}
	s.data = s.data[:0]
	for {
		line, err := s.c.br.ReadSlice('\n')
		if err != nil {
			s.done = true
			if err == io.EOF {
				err = errBaselineTruncated
			}
			s.err = err
			return nil
		}
		line = bytes.TrimRight(line, "\r\n")
		switch {
		case len(line) == 0:
			if len(s.data) == 0 {
				continue
			}
			if string(s.data) == "[DONE]" {
				s.done = true
				return nil
			}
			choices := s.chunk.Choices
			clear(choices[:cap(choices)])
			s.chunk = BaselineChunk{Choices: choices[:0]}
			if err := json.Unmarshal(s.data, &s.chunk); err != nil {
				s.done, s.err = true, err
				return nil
			}
			if s.chunk.Error != nil {
				s.done, s.err = true, fmt.Errorf("baseline: stream error %d: %s", s.chunk.Error.Code, s.chunk.Error.Message)
				return nil
			}
			return &s.chunk
		case line[0] == ':':
		case bytes.HasPrefix(line, []byte("data:")):
			v := bytes.TrimPrefix(line[5:], []byte(" "))
			if len(s.data) > 0 {
				s.data = append(s.data, '\n')
			}
			s.data = append(s.data, v...)
		}
	}
}

// Err is the error that ended the stream, if any.
func (s *BaselineStream) Err() error { return s.err }

// Close drains a bounded remainder and closes the body.
func (s *BaselineStream) Close() error {
	_, _ = io.Copy(io.Discard, io.LimitReader(s.body, 1<<20))
	return s.body.Close()
}

// BaselineAccumulator folds chunks into content, reasoning, merged
// reasoning details and usage.
type BaselineAccumulator struct {
	ID, Model, Provider      string
	Content, Reasoning       strings.Builder
	Details                  []*BaselineDetailAcc
	FinishReason, NativeStop string
	Usage                    BaselineUsage
}

// BaselineDetailAcc is a reasoning detail whose text fragments are joined.
type BaselineDetailAcc struct {
	BaselineReasoningDetail
	Text strings.Builder
}

// Add folds one chunk.
func (a *BaselineAccumulator) Add(c *BaselineChunk) {
	if a.ID == "" {
		a.ID, a.Model, a.Provider = c.ID, c.Model, c.Provider
	}
	for i := range c.Choices {
		ch := &c.Choices[i]
		a.Content.WriteString(ch.Delta.Content)
		a.Reasoning.WriteString(ch.Delta.Reasoning)
		for _, d := range ch.Delta.ReasoningDetails {
			n := len(a.Details)
			if n == 0 || a.Details[n-1].Index != d.Index || a.Details[n-1].Type != d.Type {
				a.Details = append(a.Details, &BaselineDetailAcc{BaselineReasoningDetail: d})
				n++
			}
			a.Details[n-1].Text.WriteString(d.Text)
		}
		if ch.FinishReason != "" {
			a.FinishReason, a.NativeStop = ch.FinishReason, ch.NativeFinishReason
		}
	}
	if c.Usage != nil {
		a.Usage = *c.Usage
	}
}

package openroutertest

import (
	"fmt"
	"net/http"
	"time"
)

// scriptedID is the id of the chat answers built by the helpers below.
const scriptedID = "gen-fake-scripted"

// ChatReply returns a chat completion answer (for
// "sendChatCompletionRequest") whose assistant message is text, with
// finish_reason "stop" and a usage that counts one token per word.
func ChatReply(text string) Response {
	return Response{Header: http.Header{}, JSON: chatCompletion(scriptedID, defaultModel, time.Now().Unix(),
		obj{"role": "assistant", "content": text, "refusal": nil, "reasoning": nil},
		"stop", chatUsage(1, countWords(text)))}
}

// ToolCall is one function call of [ChatToolCalls].
type ToolCall struct {
	// ID identifies the call; empty means "call_<n>" by position.
	ID string
	// Name is the function's name.
	Name string
	// Arguments is the JSON text of the arguments, such as {"city":"Paris"}.
	Arguments string
}

// ChatToolCalls returns a chat completion answer in which the assistant
// calls the given functions instead of replying: content null and
// finish_reason "tool_calls". It is how a test drives a tool loop.
func ChatToolCalls(calls ...ToolCall) Response {
	tc := make(arr, 0, len(calls))
	for i, c := range calls {
		id := c.ID
		if id == "" {
			id = fmt.Sprintf("call_%d", i+1)
		}
		tc = append(tc, obj{"id": id, "type": "function", "function": obj{"name": c.Name, "arguments": c.Arguments}})
	}
	msg := obj{"role": "assistant", "content": nil, "refusal": nil, "reasoning": nil, "tool_calls": tc}
	return Response{Header: http.Header{}, JSON: chatCompletion(scriptedID, defaultModel, time.Now().Unix(), msg, "tool_calls", chatUsage(1, 10*len(calls)))}
}

// ChatStream returns a streamed chat completion answer made of the
// given content pieces: one chunk per piece (the first with role
// "assistant"), a chunk with finish_reason "stop", a chunk with the usage
// and no choices, then `data: [DONE]`. Adjust the returned Stream for
// faults, such as ResetAfter or OmitDone.
func ChatStream(pieces ...string) Response {
	words := 0
	for _, p := range pieces {
		words += countWords(p)
	}
	st := chatStream(scriptedID, defaultModel, time.Now().Unix(), pieces, chatUsage(1, words))
	st.leadingComment = false
	return Response{Header: http.Header{}, Stream: st}
}

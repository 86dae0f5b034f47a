package openrouter

import (
	"github.com/gopenrouter/openrouter/gen"
	"slices"
)

// ToolCall is a function call that the model asked for in an assistant
// message: its id, the function's name and the JSON text of its arguments.
type ToolCall = gen.ChatToolCall

// ToolCallFunction is the function part of a [ToolCall]: its name and the
// JSON text of its arguments.
type ToolCallFunction = gen.ChatToolCallFunction

// Ptr returns a pointer to a copy of v. Use it for the optional scalar
// fields of request types, which are pointers so that an unset field is
// left out of the JSON:
//
//	req := openrouter.ChatRequest{Model: "openai/gpt-4o", Temperature: openrouter.Ptr(0.2)}
func Ptr[T any](v T) *T { return &v }

// SystemMessage returns a message with role "system" whose content is text.
func SystemMessage(text string) ChatMessage {
	var c gen.ChatSystemMessageContent
	_ = c.FromChatSystemMessageContentString(text) // marshalling a string cannot fail
	var m ChatMessage
	_ = m.FromChatSystemMessage(gen.ChatSystemMessage{Role: gen.ChatSystemMessageRoleSystem, Content: c})
	return m
}

// CachedSystemMessage returns a message with role "system" whose text ends
// a cacheable prompt prefix: a long system prompt reused across requests.
// cc is usually [EphemeralCache](); nil means no cache breakpoint.
func CachedSystemMessage(text string, cc *CacheControl) ChatMessage {
	var c gen.ChatSystemMessageContent
	_ = c.FromChatSystemContentTexts([]gen.ChatContentText{
		{Type: gen.ChatContentTextTypeText, Text: text, CacheControl: cc},
	})
	var m ChatMessage
	_ = m.FromChatSystemMessage(gen.ChatSystemMessage{Role: gen.ChatSystemMessageRoleSystem, Content: c})
	return m
}

// DeveloperMessage returns a message with role "developer" whose content
// is text. Models that do not know the role get it as a system message.
func DeveloperMessage(text string) ChatMessage {
	var c gen.ChatDeveloperMessageContent
	_ = c.FromChatDeveloperMessageContentString(text)
	var m ChatMessage
	_ = m.FromChatDeveloperMessage(gen.ChatDeveloperMessage{Role: gen.ChatDeveloperMessageRoleDeveloper, Content: c})
	return m
}

// UserText returns a message with role "user" whose content is text.
func UserText(text string) ChatMessage {
	var c gen.ChatUserMessageContent
	_ = c.FromChatUserMessageContentString(text)
	var m ChatMessage
	_ = m.FromChatUserMessage(gen.ChatUserMessage{Role: gen.ChatUserMessageRoleUser, Content: c})
	return m
}

// UserMessage returns a message with role "user" made of content parts:
// text, images, files, audio and video, built with [TextPart],
// [ImageURLPart], [ImageBytesPart] and the other part constructors. The
// constructors that can fail report their error themselves, so
// UserMessage cannot fail.
//
//	img, err := openrouter.ImageFilePart("chart.png")
//	...
//	msg := openrouter.UserMessage(openrouter.TextPart("What does this chart show?"), img)
func UserMessage(parts ...ContentPart) ChatMessage {
	if parts == nil {
		parts = []ContentPart{}
	}
	var c gen.ChatUserMessageContent
	_ = c.FromChatUserContentParts(parts)
	var m ChatMessage
	_ = m.FromChatUserMessage(gen.ChatUserMessage{Role: gen.ChatUserMessageRoleUser, Content: c})
	return m
}

// AssistantMessage returns a message with role "assistant" whose content
// is text: an earlier answer of the model, replayed in a conversation, or
// a prefill that the model continues.
func AssistantMessage(text string) ChatMessage {
	var c gen.ChatAssistantMessageContent
	_ = c.FromChatAssistantMessageContentString(text)
	var m ChatMessage
	_ = m.FromChatAssistantMessage(gen.ChatAssistantMessage{Role: gen.ChatAssistantMessageRoleAssistant, Content: &c})
	return m
}

// AssistantToolCallsMessage returns a message with role "assistant" that
// asks for the given function calls, with text as its content unless text
// is empty. Each call must be answered by a [ToolMessage] with the call's
// ID. [ChatResponse.Message] returns the message of a response ready to
// append, so most programs need this only to replay a stored conversation.
func AssistantToolCallsMessage(text string, calls ...ToolCall) ChatMessage {
	// A copy: the default Type below must not change the caller's slice.
	am := gen.ChatAssistantMessage{Role: gen.ChatAssistantMessageRoleAssistant, ToolCalls: slices.Clone(calls)}
	if text != "" {
		var c gen.ChatAssistantMessageContent
		_ = c.FromChatAssistantMessageContentString(text)
		am.Content = &c
	}
	for i := range am.ToolCalls {
		if am.ToolCalls[i].Type == "" {
			am.ToolCalls[i].Type = gen.ChatToolCallTypeFunction
		}
	}
	var m ChatMessage
	_ = m.FromChatAssistantMessage(am)
	return m
}

// ToolMessage returns a message with role "tool": the result content of
// the function call whose id is toolCallID.
func ToolMessage(toolCallID, content string) ChatMessage {
	var c gen.ChatToolMessageContent
	_ = c.FromChatToolMessageContentString(content)
	var m ChatMessage
	_ = m.FromChatToolMessage(gen.ChatToolMessage{Role: gen.ChatToolMessageRoleTool, ToolCallID: toolCallID, Content: c})
	return m
}

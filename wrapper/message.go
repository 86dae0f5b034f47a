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

// unionOf returns the union U holding v, set with one of U's From methods
// (such as (*Plugin).FromWebSearchPlugin). From only marshals v, which
// cannot fail for the Go values the constructors pass, so the error is
// dropped.
func unionOf[U, V any](set func(*U, V) error, v V) U {
	var u U
	_ = set(&u, v)
	return u
}

// SystemMessage returns a message with role "system" whose content is text.
func SystemMessage(text string) ChatMessage {
	c := unionOf((*gen.ChatSystemMessageContent).FromChatSystemMessageContentString, text) // marshalling a string cannot fail
	return unionOf((*ChatMessage).FromChatSystemMessage, gen.ChatSystemMessage{Role: gen.ChatSystemMessageRoleSystem, Content: c})
}

// CachedSystemMessage returns a message with role "system" whose text ends
// a cacheable prompt prefix: a long system prompt reused across requests.
// cc is usually [EphemeralCache](); nil means no cache breakpoint.
func CachedSystemMessage(text string, cc *CacheControl) ChatMessage {
	var c gen.ChatSystemMessageContent
	_ = c.FromChatSystemContentTexts([]gen.ChatContentText{
		{Type: gen.ChatContentTextTypeText, Text: text, CacheControl: cc},
	})
	return unionOf((*ChatMessage).FromChatSystemMessage, gen.ChatSystemMessage{Role: gen.ChatSystemMessageRoleSystem, Content: c})
}

// DeveloperMessage returns a message with role "developer" whose content
// is text. Models that do not know the role get it as a system message.
func DeveloperMessage(text string) ChatMessage {
	c := unionOf((*gen.ChatDeveloperMessageContent).FromChatDeveloperMessageContentString, text)
	return unionOf((*ChatMessage).FromChatDeveloperMessage, gen.ChatDeveloperMessage{Role: gen.ChatDeveloperMessageRoleDeveloper, Content: c})
}

// UserText returns a message with role "user" whose content is text.
func UserText(text string) ChatMessage {
	c := unionOf((*gen.ChatUserMessageContent).FromChatUserMessageContentString, text)
	return unionOf((*ChatMessage).FromChatUserMessage, gen.ChatUserMessage{Role: gen.ChatUserMessageRoleUser, Content: c})
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
	c := unionOf((*gen.ChatUserMessageContent).FromChatUserContentParts, parts)
	return unionOf((*ChatMessage).FromChatUserMessage, gen.ChatUserMessage{Role: gen.ChatUserMessageRoleUser, Content: c})
}

// AssistantMessage returns a message with role "assistant" whose content
// is text: an earlier answer of the model, replayed in a conversation, or
// a prefill that the model continues.
func AssistantMessage(text string) ChatMessage {
	c := unionOf((*gen.ChatAssistantMessageContent).FromChatAssistantMessageContentString, text)
	return unionOf((*ChatMessage).FromChatAssistantMessage, gen.ChatAssistantMessage{Role: gen.ChatAssistantMessageRoleAssistant, Content: &c})
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
		c := unionOf((*gen.ChatAssistantMessageContent).FromChatAssistantMessageContentString, text)
		am.Content = &c
	}
	for i := range am.ToolCalls {
		if am.ToolCalls[i].Type == "" {
			am.ToolCalls[i].Type = gen.ChatToolCallTypeFunction
		}
	}
	return unionOf((*ChatMessage).FromChatAssistantMessage, am)
}

// ToolMessage returns a message with role "tool": the result content of
// the function call whose id is toolCallID.
func ToolMessage(toolCallID, content string) ChatMessage {
	c := unionOf((*gen.ChatToolMessageContent).FromChatToolMessageContentString, content)
	return unionOf((*ChatMessage).FromChatToolMessage, gen.ChatToolMessage{Role: gen.ChatToolMessageRoleTool, ToolCallID: toolCallID, Content: c})
}

package openrouter

// StreamEvent is what the events of every stream have in common: the
// chunks of Chat.Stream ([ChatChunk]) and the events of
// Beta.Responses.Stream ([ResponsesStreamEvent]), Messages.Stream
// ([MessagesStreamEvent]) and Images.Stream ([ImageStreamEvent]). They
// all read the same way:
//
//   - TextDelta returns the text the event adds to the answer; ok is
//     false for an event that adds none.
//   - Type returns the event's kind as a typed string with constants
//     ([ResponsesEventType], [MessagesEventType], [ImageEventType]). Chat
//     chunks have one kind and no Type; their helpers (Text, Reasoning,
//     FinishReason, ToolCallDeltas) read the first choice.
//   - The payload of a kind is read with the event's As* method for it,
//     or with ValueByDiscriminator for a type switch.
//   - An accumulator folds the events into the result the call without
//     streaming returns: [ChatAccumulator], [ResponsesAccumulator] and
//     [MessagesAccumulator], each with Add(event) and a method that
//     returns the result so far.
//   - An error event never reaches the caller: it ends the stream with an
//     [*APIError].
//   - [Stream.CurrentJSON] returns the event as sent, fields the SDK does
//     not know included.
//
// Printing an answer as it is written is the same loop for every stream:
//
//	for ev, err := range stream.All() {
//		if err != nil {
//			return err
//		}
//		if text, ok := ev.TextDelta(); ok {
//			fmt.Print(text)
//		}
//	}
type StreamEvent interface {
	TextDelta() (text string, ok bool)
}

var (
	_ StreamEvent = ChatChunk{}
	_ StreamEvent = ResponsesStreamEvent{}
	_ StreamEvent = MessagesStreamEvent{}
	_ StreamEvent = ImageStreamEvent{}
)

// Tokens are the token counts of a result's usage, under one set of names
// whatever the API calls them (prompt or input, completion or output).
type Tokens struct {
	// Input is the number of prompt tokens.
	Input int
	// Output is the number of generated tokens, reasoning included.
	Output int
	// Total is Input plus Output, as the usage reports it.
	Total int
	// Reasoning is the part of Output spent reasoning, when reported.
	Reasoning int
	// CachedInput is the part of Input read from the prompt cache, when
	// reported.
	CachedInput int
}

// Add returns the sum of t and u.
func (t Tokens) Add(u Tokens) Tokens {
	return Tokens{
		Input:       t.Input + u.Input,
		Output:      t.Output + u.Output,
		Total:       t.Total + u.Total,
		Reasoning:   t.Reasoning + u.Reasoning,
		CachedInput: t.CachedInput + u.CachedInput,
	}
}

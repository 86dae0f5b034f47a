package openrouter

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gopenrouter/openrouter/gen"
)

// The chat chunk decoder.
//
// Chat chunks dominate a stream's cost, and encoding/json spends about 17
// allocations on each (its scanner, every string, every pointer field).
// chunkDecoder parses the usual shape of a chunk directly: the strings
// repeated in every chunk (id, model, provider, role...) are kept from one
// chunk to the next instead of being allocated again, and the pointer
// fields of a chunk point into one box, taken from a slab shared by 16
// chunks. Anything outside that shape (an unexpected type, a key matching
// a field only case-insensitively, a surrogate escape, invalid JSON)
// makes it give up and decode the chunk again with json.Unmarshal, so the
// result is always json.Unmarshal's; TestChunkDecoderMatchesEncodingJSON
// and FuzzChunkDecoder hold it to that. Rarely used fields (logprobs, tool
// calls, audio, metadata, errors) are handed to json.Unmarshal in place.
// A retained chunk keeps its slab (about 5 KiB) alive.

// fastChunks reports whether the JSON names of the chunk types are the
// ones chunkDecoder knows; if gen gains a field, chunks take the slow path
// until the decoder learns it.
var fastChunks = !implementsUnmarshaler[ChatChunk]() &&
	sameJSONNames(reflect.TypeFor[ChatChunk](), chunkKeys) &&
	sameJSONNames(reflect.TypeFor[gen.ChatStreamChoice](), choiceKeys) &&
	sameJSONNames(reflect.TypeFor[gen.ChatStreamDelta](), deltaKeys) &&
	sameJSONNames(reflect.TypeFor[gen.ChatUsage](), usageKeys) &&
	sameJSONNames(reflect.TypeFor[gen.ChatUsagePromptTokensDetails](), promptDetailKeys) &&
	sameJSONNames(reflect.TypeFor[gen.ChatUsageCompletionTokensDetails](), completionDetailKeys) &&
	sameJSONNames(reflect.TypeFor[gen.CostDetails](), costDetailKeys)

var (
	chunkKeys  = []string{"choices", "created", "error", "id", "model", "object", "openrouter_metadata", "provider", "service_tier", "system_fingerprint", "usage"}
	choiceKeys = []string{"delta", "finish_reason", "index", "logprobs", "native_finish_reason"}
	deltaKeys  = []string{"audio", "content", "reasoning", "reasoning_details", "refusal", "role", "tool_calls"}
)

// implementsUnmarshaler reports whether *T decodes itself, in which case
// the fast decoders must leave it alone.
func implementsUnmarshaler[T any]() bool {
	_, ok := any(new(T)).(json.Unmarshaler)
	return ok
}

func sameJSONNames(t reflect.Type, names []string) bool {
	var got []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" {
			return false
		}
		got = append(got, name)
	}
	slices.Sort(got)
	return slices.Equal(got, names)
}

// Intern slots: strings that repeat from chunk to chunk.
const (
	slotID = iota
	slotModel
	slotObject
	slotProvider
	slotFingerprint
	slotServiceTier
	slotRole
	slotFinish
	slotNative
	numSlots
)

// chunkDecoder decodes the chunks of one stream; see above.
type chunkDecoder struct {
	slab    []chunkBox
	last    [numSlots]string
	scratch []byte
}

// chunkBox holds what the pointer fields of one chunk point to.
type chunkBox struct {
	choice                      [1]gen.ChatStreamChoice
	first                       choiceBox
	provider, fingerprint, tier string
}

// choiceBox holds what the pointer fields of one choice point to.
type choiceBox struct {
	role                        gen.ChatStreamDeltaRole
	content, reasoning, refusal string
	finish                      gen.ChatFinishReasonEnum
	native                      string
	details                     gen.ChatStreamReasoningDetails
	detail                      [1]gen.ReasoningDetailUnion
}

const boxSlab = 16

func (d *chunkDecoder) decode(data []byte, dst *ChatChunk) error {
	if err := chunkError(data); err != nil {
		return err
	}
	if d.chunk(data, dst) {
		return nil
	}
	*dst = ChatChunk{}
	return json.Unmarshal(data, dst)
}

func (d *chunkDecoder) box() *chunkBox {
	if len(d.slab) == 0 {
		d.slab = make([]chunkBox, boxSlab)
	}
	b := &d.slab[0]
	d.slab = d.slab[1:]
	return b
}

// chunk decodes data into c and reports whether it could.
func (d *chunkDecoder) chunk(data []byte, c *ChatChunk) bool {
	p := jscan{b: data}
	box := d.box()
	choices := false
	ok := p.object(func(k []byte) (ok bool) {
		ok = true
		switch string(k) {
		case "id":
			ok = d.plain(&p, slotID, &c.ID)
		case "model":
			ok = d.plain(&p, slotModel, &c.Model)
		case "object":
			ok = d.plain(&p, slotObject, (*string)(&c.Object))
		case "provider":
			ok = strPtr(d, &p, slotProvider, &box.provider, &c.Provider)
		case "system_fingerprint":
			ok = strPtr(d, &p, slotFingerprint, &box.fingerprint, &c.SystemFingerprint)
		case "service_tier":
			ok = strPtr(d, &p, slotServiceTier, &box.tier, &c.ServiceTier)
		case "created":
			ok = p.int(&c.Created)
		case "choices":
			if choices {
				return false // a repeated array reuses elements: leave it to encoding/json
			}
			choices = true
			ok = d.choices(&p, c, box)
		case "usage":
			ok = d.usage(&p, &c.Usage)
		case "openrouter_metadata":
			ok = delegate(&p, &c.OpenrouterMetadata)
		case "error":
			ok = delegate(&p, &c.Error)
		default:
			ok = p.unknown(k, chunkKeys)
		}
		return ok
	})
	return ok && p.end()
}

func (d *chunkDecoder) choices(p *jscan, c *ChatChunk, box *chunkBox) bool {
	if p.null() {
		c.Choices = nil
		return true
	}
	more, ok := p.openArr()
	c.Choices = box.choice[:0]
	for ok && more {
		cb := &box.first
		if len(c.Choices) > 0 {
			cb = new(choiceBox)
		}
		c.Choices = append(c.Choices, gen.ChatStreamChoice{})
		if !p.null() && !d.choice(p, &c.Choices[len(c.Choices)-1], cb) {
			return false
		}
		more, ok = p.next(']')
	}
	return ok
}

func (d *chunkDecoder) choice(p *jscan, ch *gen.ChatStreamChoice, cb *choiceBox) bool {
	ok := p.object(func(k []byte) (ok bool) {
		ok = true
		switch string(k) {
		case "index":
			ok = p.int(&ch.Index)
		case "delta":
			if !p.null() {
				ok = d.delta(p, &ch.Delta, cb)
			}
		case "finish_reason":
			ok = strPtr(d, p, slotFinish, &cb.finish, &ch.FinishReason)
		case "native_finish_reason":
			ok = strPtr(d, p, slotNative, &cb.native, &ch.NativeFinishReason)
		case "logprobs":
			ok = delegate(p, &ch.Logprobs)
		default:
			ok = p.unknown(k, choiceKeys)
		}
		return ok
	})
	return ok
}

func (d *chunkDecoder) delta(p *jscan, dl *gen.ChatStreamDelta, cb *choiceBox) bool {
	ok := p.object(func(k []byte) (ok bool) {
		ok = true
		switch string(k) {
		case "role":
			ok = strPtr(d, p, slotRole, &cb.role, &dl.Role)
		case "content":
			ok = strPtr(d, p, -1, &cb.content, &dl.Content)
		case "reasoning":
			ok = strPtr(d, p, -1, &cb.reasoning, &dl.Reasoning)
		case "refusal":
			ok = strPtr(d, p, -1, &cb.refusal, &dl.Refusal)
		case "reasoning_details":
			ok = detailList(p, &dl.ReasoningDetails, &cb.details, &cb.detail)
		case "tool_calls":
			ok = delegate(p, &dl.ToolCalls)
		case "audio":
			ok = delegate(p, &dl.Audio)
		default:
			ok = p.unknown(k, deltaKeys)
		}
		return ok
	})
	return ok
}

// detailList decodes reasoning_details into *dst, a pointer to list,
// whose first element can live in first.
func detailList(p *jscan, dst **[]gen.ReasoningDetailUnion, list *[]gen.ReasoningDetailUnion, first *[1]gen.ReasoningDetailUnion) bool {
	if p.null() {
		*dst = nil
		return true
	}
	more, ok := p.openArr()
	*list = first[:0]
	for ok && more {
		var raw []byte
		if raw, ok = p.skip(); !ok || raw[0] == 'n' || !json.Valid(raw) {
			return false
		}
		var u gen.ReasoningDetailUnion
		if u.UnmarshalJSON(raw) != nil {
			return false
		}
		*list = append(*list, u)
		more, ok = p.next(']')
	}
	*dst = list
	return ok
}

// plain decodes a string into a string field; null leaves it unchanged.
func (d *chunkDecoder) plain(p *jscan, slot int, dst *string) bool {
	if p.null() {
		return true
	}
	s, ok := d.str(p, slot)
	if ok {
		*dst = s
	}
	return ok
}

// ptr decodes a string into a *string field pointing to box; null sets
// the field to nil.
func strPtr[S ~string](d *chunkDecoder, p *jscan, slot int, box *S, dst **S) bool {
	if p.null() {
		*dst = nil
		return true
	}
	s, ok := d.str(p, slot)
	if ok {
		*box = S(s)
		*dst = box
	}
	return ok
}

// str decodes a string; with a slot (>= 0), it returns the previous
// chunk's string when the bytes are the same.
func (d *chunkDecoder) str(p *jscan, slot int) (string, bool) {
	raw, esc, ok := p.str()
	if !ok {
		return "", false
	}
	if esc {
		if d.scratch, ok = unescape(d.scratch[:0], raw); !ok {
			return "", false
		}
		raw = d.scratch
	}
	if slot < 0 {
		return string(raw), true
	}
	if d.last[slot] == string(raw) {
		return d.last[slot], true
	}
	s := string(raw)
	d.last[slot] = s
	return s, true
}

// jscan is a strict JSON cursor: every method reports false on input it
// does not accept, and the caller falls back to encoding/json.
type jscan struct {
	b []byte
	i int
}

func (p *jscan) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jscan) eat(c byte) bool {
	p.ws()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end reports whether only whitespace is left.
func (p *jscan) end() bool {
	p.ws()
	return p.i == len(p.b)
}

// null consumes a null literal if one is next.
func (p *jscan) null() bool {
	p.ws()
	if bytes.HasPrefix(p.b[p.i:], nullLiteral) {
		p.i += 4
		return true
	}
	return false
}

var nullLiteral = []byte("null")

// openObj consumes '{' and reports whether members follow.
func (p *jscan) openObj() (more, ok bool) {
	if !p.eat('{') {
		return false, false
	}
	return !p.eat('}'), true
}

// openArr consumes '[' and reports whether elements follow.
func (p *jscan) openArr() (more, ok bool) {
	if !p.eat('[') {
		return false, false
	}
	return !p.eat(']'), true
}

// object decodes an object, calling field with each member's name once
// the scanner is at its value; field reports whether the value decoded.
func (p *jscan) object(field func(k []byte) bool) bool {
	more, ok := p.openObj()
	for ok && more {
		k, kok := p.key()
		if !kok || !field(k) {
			return false
		}
		more, ok = p.next('}')
	}
	return ok
}

// next consumes ',' (more follows) or the closing byte.
func (p *jscan) next(closing byte) (more, ok bool) {
	if p.eat(',') {
		return true, true
	}
	return false, p.eat(closing)
}

// key reads a member's name and its colon. Names with escapes are refused.
func (p *jscan) key() ([]byte, bool) {
	k, esc, ok := p.str()
	if !ok || esc || !p.eat(':') {
		return nil, false
	}
	p.ws()
	return k, true
}

// str reads a string and returns its raw bytes between the quotes, and
// whether they contain escapes (checked by unescape). Control characters
// and invalid UTF-8 are refused.
func (p *jscan) str() (raw []byte, esc, ok bool) {
	p.ws()
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return nil, false, false
	}
	start := p.i + 1
	nonASCII := false
	for j := start; j < len(p.b); j++ {
		for j < len(p.b) && plainByte[p.b[j]] {
			j++
		}
		if j == len(p.b) {
			break
		}
		switch c := p.b[j]; {
		case c == '"':
			raw = p.b[start:j]
			p.i = j + 1
			if nonASCII && !utf8.Valid(raw) {
				return nil, false, false
			}
			return raw, esc, true
		case c == '\\':
			esc = true
			j++
		case c < 0x20:
			return nil, false, false
		case c >= utf8.RuneSelf:
			nonASCII = true
		}
	}
	return nil, false, false
}

// plainByte marks the bytes a string scan can step over: printable ASCII
// other than the quote and the backslash.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// int reads an integer that fits an int; null leaves dst unchanged.
func (p *jscan) int(dst *int) bool {
	if p.null() {
		return true
	}
	i := p.i
	neg := i < len(p.b) && p.b[i] == '-'
	if neg {
		i++
	}
	start, n := i, 0
	for i < len(p.b) && p.b[i] >= '0' && p.b[i] <= '9' {
		n = n*10 + int(p.b[i]-'0')
		i++
	}
	digits := i - start
	if digits == 0 || digits > 18 || (digits > 1 && p.b[start] == '0') {
		return false
	}
	if i < len(p.b) && (p.b[i] == '.' || p.b[i] == 'e' || p.b[i] == 'E') {
		return false
	}
	if neg {
		n = -n
	}
	p.i = i
	*dst = n
	return true
}

// skip steps over one value and returns its bytes; it checks the bounds
// of strings and the nesting, not the rest of the grammar: callers
// validate what they keep.
func (p *jscan) skip() ([]byte, bool) {
	p.ws()
	start, depth := p.i, 0
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case '"':
			if _, _, ok := p.str(); !ok {
				return nil, false
			}
			if depth == 0 {
				return p.b[start:p.i], true
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return p.b[start:p.i], p.i > start
			}
			if depth--; depth == 0 {
				p.i++
				return p.b[start:p.i], true
			}
		case ',', ':', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return p.b[start:p.i], p.i > start
			}
		}
		p.i++
	}
	return p.b[start:p.i], depth == 0 && p.i > start
}

// delegate decodes the next value into dst with encoding/json, exactly as
// it would have decoded it in place.
// The fields it serves are pointers and slices, which null sets to nil.
func delegate[T any](p *jscan, dst *T) bool {
	if p.null() {
		var zero T
		*dst = zero
		return true
	}
	raw, ok := p.skip()
	return ok && json.Unmarshal(raw, dst) == nil
}

// unknown skips the value of a member the type does not have, as
// encoding/json does, unless the name could match a field
// case-insensitively.
func (p *jscan) unknown(k []byte, known []string) bool {
	for _, c := range k {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	for _, name := range known {
		if strings.EqualFold(string(k), name) {
			return false
		}
	}
	raw, ok := p.skip()
	return ok && json.Valid(raw)
}

// unescape appends the unescaped raw string to dst. Surrogate escapes are
// refused (encoding/json's handling of lone halves decides).
func unescape(dst, raw []byte) ([]byte, bool) {
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '\\')
		if i < 0 {
			return append(dst, raw...), true
		}
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		if len(raw) < 2 {
			return nil, false
		}
		n := 2
		switch raw[1] {
		case '"', '\\', '/':
			dst = append(dst, raw[1])
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			if len(raw) < 6 {
				return nil, false
			}
			r := rune(0)
			for _, h := range raw[2:6] {
				switch {
				case h >= '0' && h <= '9':
					r = r<<4 | rune(h-'0')
				case h >= 'a' && h <= 'f':
					r = r<<4 | rune(h-'a'+10)
				case h >= 'A' && h <= 'F':
					r = r<<4 | rune(h-'A'+10)
				default:
					return nil, false
				}
			}
			if utf16.IsSurrogate(r) {
				return nil, false
			}
			dst = utf8.AppendRune(dst, r)
			n = 6
		default:
			return nil, false
		}
		raw = raw[n:]
	}
	return dst, true
}

// The chat response decoder: Chat.Send's body, decoded the same way as
// chunks (see chunkDecoder) with the same fallback to encoding/json.

var fastResponses = !implementsUnmarshaler[ChatResponse]() && reflect.TypeFor[ChatResponse]().NumField() == 1 &&
	sameJSONNames(reflect.TypeFor[gen.ChatResponse](), responseKeys) &&
	sameJSONNames(reflect.TypeFor[gen.ChatChoice](), respChoiceKeys) &&
	sameJSONNames(reflect.TypeFor[gen.ChatAssistantMessage](), messageKeys) &&
	sameJSONNames(reflect.TypeFor[gen.ChatUsage](), usageKeys) &&
	sameJSONNames(reflect.TypeFor[gen.ChatUsagePromptTokensDetails](), promptDetailKeys) &&
	sameJSONNames(reflect.TypeFor[gen.ChatUsageCompletionTokensDetails](), completionDetailKeys) &&
	sameJSONNames(reflect.TypeFor[gen.CostDetails](), costDetailKeys)

var (
	responseKeys   = []string{"choices", "created", "id", "model", "object", "openrouter_metadata", "provider", "service_tier", "system_fingerprint", "usage"}
	respChoiceKeys = []string{"finish_reason", "index", "logprobs", "message", "native_finish_reason"}
	messageKeys    = []string{"audio", "content", "images", "model", "name", "reasoning", "reasoning_details", "refusal", "role", "tool_calls"}
)

// responseBox holds what the pointer fields of a response point to.
type responseBox struct {
	provider, fingerprint, tier string
	choice                      [1]gen.ChatChoice
	first                       messageBox
}

// messageBox holds what the pointer fields of one choice point to.
type messageBox struct {
	finish                          gen.ChatFinishReasonEnum
	native                          string
	content                         gen.ChatAssistantMessageContent
	model, name, reasoning, refusal string
	details                         gen.ChatReasoningDetails
	detail                          [1]gen.ReasoningDetailUnion
}

// decodeChatResponse decodes data into r and reports whether it could;
// when it could not, r must be reset and decoded by encoding/json.
func decodeChatResponse(data []byte, r *gen.ChatResponse) bool {
	if !fastResponses {
		return false
	}
	var d chunkDecoder
	p := jscan{b: data}
	box := new(responseBox)
	choices := false
	ok := p.object(func(k []byte) (ok bool) {
		ok = true
		switch string(k) {
		case "id":
			ok = d.plain(&p, -1, &r.ID)
		case "model":
			ok = d.plain(&p, -1, &r.Model)
		case "object":
			ok = d.plain(&p, -1, (*string)(&r.Object))
		case "provider":
			ok = strPtr(&d, &p, -1, &box.provider, &r.Provider)
		case "system_fingerprint":
			ok = strPtr(&d, &p, -1, &box.fingerprint, &r.SystemFingerprint)
		case "service_tier":
			ok = strPtr(&d, &p, -1, &box.tier, &r.ServiceTier)
		case "created":
			ok = p.int(&r.Created)
		case "choices":
			if choices {
				return false
			}
			choices = true
			ok = d.respChoices(&p, r, box)
		case "usage":
			ok = d.usage(&p, &r.Usage)
		case "openrouter_metadata":
			ok = delegate(&p, &r.OpenrouterMetadata)
		default:
			ok = p.unknown(k, responseKeys)
		}
		return ok
	})
	return ok && p.end()
}

func (d *chunkDecoder) respChoices(p *jscan, r *gen.ChatResponse, box *responseBox) bool {
	if p.null() {
		r.Choices = nil
		return true
	}
	more, ok := p.openArr()
	r.Choices = box.choice[:0]
	for ok && more {
		mb := &box.first
		if len(r.Choices) > 0 {
			mb = new(messageBox)
		}
		r.Choices = append(r.Choices, gen.ChatChoice{})
		if !p.null() && !d.respChoice(p, &r.Choices[len(r.Choices)-1], mb) {
			return false
		}
		more, ok = p.next(']')
	}
	return ok
}

func (d *chunkDecoder) respChoice(p *jscan, ch *gen.ChatChoice, mb *messageBox) bool {
	ok := p.object(func(k []byte) (ok bool) {
		ok = true
		switch string(k) {
		case "index":
			ok = p.int(&ch.Index)
		case "message":
			if !p.null() {
				ok = d.message(p, &ch.Message, mb)
			}
		case "finish_reason":
			ok = strPtr(d, p, -1, &mb.finish, &ch.FinishReason)
		case "native_finish_reason":
			ok = strPtr(d, p, -1, &mb.native, &ch.NativeFinishReason)
		case "logprobs":
			ok = delegate(p, &ch.Logprobs)
		default:
			ok = p.unknown(k, respChoiceKeys)
		}
		return ok
	})
	return ok
}

func (d *chunkDecoder) message(p *jscan, m *gen.ChatAssistantMessage, mb *messageBox) bool {
	ok := p.object(func(k []byte) (ok bool) {
		ok = true
		switch string(k) {
		case "role":
			ok = d.plain(p, -1, (*string)(&m.Role))
		case "content":
			if p.null() {
				m.Content = nil
				break
			}
			var raw []byte
			if raw, ok = p.skip(); ok && d.valid(raw) && mb.content.UnmarshalJSON(raw) == nil {
				m.Content = &mb.content
			} else {
				ok = false
			}
		case "reasoning":
			ok = strPtr(d, p, -1, &mb.reasoning, &m.Reasoning)
		case "refusal":
			ok = strPtr(d, p, -1, &mb.refusal, &m.Refusal)
		case "model":
			ok = strPtr(d, p, -1, &mb.model, &m.Model)
		case "name":
			ok = strPtr(d, p, -1, &mb.name, &m.Name)
		case "reasoning_details":
			ok = detailList(p, &m.ReasoningDetails, &mb.details, &mb.detail)
		case "tool_calls":
			ok = delegate(p, &m.ToolCalls)
		case "audio":
			ok = delegate(p, &m.Audio)
		case "images":
			ok = delegate(p, &m.Images)
		default:
			ok = p.unknown(k, messageKeys)
		}
		return ok
	})
	return ok
}

// Usage, in chunks and responses.

var (
	usageKeys            = []string{"completion_tokens", "completion_tokens_details", "cost", "cost_details", "is_byok", "prompt_tokens", "prompt_tokens_details", "server_tool_use_details", "total_tokens"}
	promptDetailKeys     = []string{"audio_tokens", "cache_write_tokens", "cached_tokens", "video_tokens"}
	completionDetailKeys = []string{"accepted_prediction_tokens", "audio_tokens", "reasoning_tokens", "rejected_prediction_tokens"}
	costDetailKeys       = []string{"upstream_inference_completions_cost", "upstream_inference_cost", "upstream_inference_prompt_cost"}
)

// usageBox holds a usage and what its pointer fields point to.
type usageBox struct {
	u              gen.ChatUsage
	prompt         gen.ChatUsagePromptTokensDetails
	completion     gen.ChatUsageCompletionTokensDetails
	costs          gen.CostDetails
	cost, upstream float64
	byok           bool
	pInts, cInts   [4]int
}

func (d *chunkDecoder) usage(p *jscan, dst **gen.ChatUsage) bool {
	if p.null() {
		*dst = nil
		return true
	}
	if *dst != nil {
		return false // a repeated key merges into the first: leave it to encoding/json
	}
	b := new(usageBox)
	u := &b.u
	ok := p.object(func(k []byte) (ok bool) {
		ok = true
		switch string(k) {
		case "prompt_tokens":
			ok = p.int(&u.PromptTokens)
		case "completion_tokens":
			ok = p.int(&u.CompletionTokens)
		case "total_tokens":
			ok = p.int(&u.TotalTokens)
		case "cost":
			ok = floatPtr(p, &b.cost, &u.Cost)
		case "is_byok":
			ok = boolPtr(p, &b.byok, &u.IsByok)
		case "prompt_tokens_details":
			ok = promptDetails(p, b, &u.PromptTokensDetails)
		case "completion_tokens_details":
			ok = completionDetails(p, b, &u.CompletionTokensDetails)
		case "cost_details":
			ok = costDetails(p, b, &u.CostDetails)
		case "server_tool_use_details":
			ok = delegate(p, &u.ServerToolUseDetails)
		default:
			ok = p.unknown(k, usageKeys)
		}
		return ok
	})
	if ok {
		*dst = u
	}
	return ok
}

// The token and cost details: objects decoded into the usage's box.

// boxedObject decodes an object into box, member by member with field,
// and points *dst to it; null sets *dst to nil. A second occurrence is
// refused (encoding/json would merge it into the first).
func boxedObject[T any](p *jscan, box *T, dst **T, field func(k []byte) bool) bool {
	if p.null() {
		*dst = nil
		return true
	}
	if *dst != nil || !p.object(field) {
		return false
	}
	*dst = box
	return true
}

func promptDetails(p *jscan, b *usageBox, dst **gen.ChatUsagePromptTokensDetails) bool {
	t := &b.prompt
	return boxedObject(p, t, dst, func(k []byte) (ok bool) {
		ok = true
		switch string(k) {
		case "cached_tokens":
			ok = intPtr(p, &b.pInts[0], &t.CachedTokens)
		case "cache_write_tokens":
			ok = intPtr(p, &b.pInts[1], &t.CacheWriteTokens)
		case "audio_tokens":
			ok = intPtr(p, &b.pInts[2], &t.AudioTokens)
		case "video_tokens":
			ok = intPtr(p, &b.pInts[3], &t.VideoTokens)
		default:
			ok = p.unknown(k, promptDetailKeys)
		}
		return ok
	})
}

func completionDetails(p *jscan, b *usageBox, dst **gen.ChatUsageCompletionTokensDetails) bool {
	t := &b.completion
	return boxedObject(p, t, dst, func(k []byte) (ok bool) {
		ok = true
		switch string(k) {
		case "reasoning_tokens":
			ok = intPtr(p, &b.cInts[0], &t.ReasoningTokens)
		case "audio_tokens":
			ok = intPtr(p, &b.cInts[1], &t.AudioTokens)
		case "accepted_prediction_tokens":
			ok = intPtr(p, &b.cInts[2], &t.AcceptedPredictionTokens)
		case "rejected_prediction_tokens":
			ok = intPtr(p, &b.cInts[3], &t.RejectedPredictionTokens)
		default:
			ok = p.unknown(k, completionDetailKeys)
		}
		return ok
	})
}

func costDetails(p *jscan, b *usageBox, dst **gen.CostDetails) bool {
	t := &b.costs
	return boxedObject(p, t, dst, func(k []byte) (ok bool) {
		ok = true
		switch string(k) {
		case "upstream_inference_cost":
			ok = floatPtr(p, &b.upstream, &t.UpstreamInferenceCost)
		case "upstream_inference_prompt_cost":
			ok = p.float(&t.UpstreamInferencePromptCost)
		case "upstream_inference_completions_cost":
			ok = p.float(&t.UpstreamInferenceCompletionsCost)
		default:
			ok = p.unknown(k, costDetailKeys)
		}
		return ok
	})
}

// intPtr, floatPtr and boolPtr decode a value into box and point *dst to
// it; null sets *dst to nil.
func intPtr(p *jscan, box *int, dst **int) bool           { return scalarPtr(p, box, dst, p.int) }
func floatPtr(p *jscan, box *float64, dst **float64) bool { return scalarPtr(p, box, dst, p.float) }
func boolPtr(p *jscan, box *bool, dst **bool) bool        { return scalarPtr(p, box, dst, p.bool) }

func scalarPtr[T any](p *jscan, box *T, dst **T, read func(*T) bool) bool {
	if p.null() {
		*dst = nil
		return true
	}
	if !read(box) {
		return false
	}
	*dst = box
	return true
}

// float reads a number as encoding/json does into a float64; null leaves
// dst unchanged.
func (p *jscan) float(dst *float64) bool {
	if p.null() {
		return true
	}
	start, i := p.i, p.i
	digits := func() int {
		n := 0
		for i < len(p.b) && p.b[i] >= '0' && p.b[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(p.b) && p.b[i] == '-' {
		i++
	}
	if n := digits(); n == 0 || (n > 1 && p.b[i-n] == '0') {
		return false
	}
	if i < len(p.b) && p.b[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(p.b) && (p.b[i] == 'e' || p.b[i] == 'E') {
		i++
		if i < len(p.b) && (p.b[i] == '+' || p.b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	f, err := strconv.ParseFloat(string(p.b[start:i]), 64)
	if err != nil {
		return false
	}
	p.i = i
	*dst = f
	return true
}

// bool reads true or false; null leaves dst unchanged.
func (p *jscan) bool(dst *bool) bool {
	if p.null() {
		return true
	}
	switch {
	case bytes.HasPrefix(p.b[p.i:], trueLiteral):
		p.i += 4
		*dst = true
	case bytes.HasPrefix(p.b[p.i:], falseLiteral):
		p.i += 5
		*dst = false
	default:
		return false
	}
	return true
}

var trueLiteral, falseLiteral = []byte("true"), []byte("false")

// valid reports whether raw, a value found by skip, is valid JSON; strings
// are checked by unescaping them rather than by a full JSON scan.
func (d *chunkDecoder) valid(raw []byte) bool {
	if len(raw) >= 2 && raw[0] == '"' {
		var ok bool
		d.scratch, ok = unescape(d.scratch[:0], raw[1:len(raw)-1])
		return ok
	}
	return json.Valid(raw)
}

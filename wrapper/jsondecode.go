package openrouter

import (
	"io"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// Responses and stream events are decoded with go-json-experiment/json,
// the reference implementation of encoding/json/v2 (an import change away
// from the standard library's), which decodes gen's types with a fraction
// of encoding/json's allocations. decodeOptions make it accept what
// encoding/json accepts, so that a provider's quirks never fail a call:
//
//   - member names in another case ("Content"), folded as encoding/json
//     folds them (underscores and dashes count);
//   - a repeated member name, the later value merging into the earlier one
//     as encoding/json merges it;
//   - invalid UTF-8 in a string, replaced by U+FFFD.
//
// Unknown members are ignored and enum values are plain strings, so a new
// field or value from the server never fails decoding either. gen's unions
// implement encoding/json's Unmarshaler, which this package calls as
// encoding/json does.
var decodeOptions = json.JoinOptions(
	json.MatchCaseInsensitiveNames(true),
	jsonv1.MatchCaseSensitiveDelimiter(true),
	jsontext.AllowDuplicateNames(true),
	jsontext.AllowInvalidUTF8(true),
	jsonv1.MergeWithLegacySemantics(true),
)

// unmarshal decodes the JSON value data, and nothing after it but space,
// into out.
func unmarshal(data []byte, out any) error {
	return json.Unmarshal(data, out, decodeOptions)
}

// decodeFirst decodes the first JSON value read from r into out, ignoring
// what follows it, as a json.Decoder does.
func decodeFirst(r io.Reader, out any) error {
	return json.UnmarshalDecode(jsontext.NewDecoder(r, decodeOptions), out, decodeOptions)
}
